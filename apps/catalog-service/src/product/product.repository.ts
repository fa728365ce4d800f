import { Prisma, type Product, type ProductStatus, type Sku } from '../generated/prisma/client';
import type { Tx } from '../prisma';

export type ProductWithSkus = Product & { skus: Sku[] };

export async function insertProduct(tx: Tx, data: Prisma.ProductUncheckedCreateInput): Promise<ProductWithSkus> {
  return tx.product.create({ data, include: { skus: { orderBy: { sizeMm: 'asc' } } } });
}

export async function findProduct(tx: Tx, id: string): Promise<ProductWithSkus | null> {
  return tx.product.findUnique({ where: { id }, include: { skus: { orderBy: { sizeMm: 'asc' } } } });
}

/** The product row locked for a change, so its outbox event is ordered after the change. */
export async function lockProduct(tx: Tx, id: string): Promise<Product | undefined> {
  const [row] = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM products WHERE id = ${id}::uuid FOR UPDATE`;
  return row ? tx.product.findUniqueOrThrow({ where: { id } }) : undefined;
}

export async function updateProduct(
  tx: Tx,
  id: string,
  data: Prisma.ProductUpdateInput & { status?: ProductStatus },
): Promise<Product> {
  return tx.product.update({ where: { id }, data: { ...data, updatedAt: new Date() } });
}

export const isUniqueViolation = (error: unknown): boolean =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
