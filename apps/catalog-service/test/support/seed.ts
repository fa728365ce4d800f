import { randomUUID } from 'node:crypto';
import type { PrismaClient, ProductStatus } from '../../src/generated/prisma/client';

export interface SeededProduct {
  productId: string;
  sellerId: string;
  /** SKU id per size in mm. */
  skus: Record<number, string>;
}

/** A product straight into the database, each size stocked with `stock` units. */
export async function seedProduct(
  prisma: PrismaClient,
  {
    sizes = [270],
    stock = 10,
    price = 139_000,
    status = 'ON_SALE',
    sellerId = randomUUID(),
    brand = 'Nike',
    createdAt,
  }: {
    sizes?: number[];
    stock?: number;
    price?: number;
    status?: ProductStatus;
    sellerId?: string;
    brand?: string;
    createdAt?: Date;
  } = {},
): Promise<SeededProduct> {
  const productId = randomUUID();
  const skus = Object.fromEntries(sizes.map((size) => [size, randomUUID()]));
  await prisma.product.create({
    data: {
      id: productId,
      sellerId,
      brand,
      modelName: 'Air Max 1',
      colorway: 'White/Red',
      price,
      status,
      imageUrls: [],
      ...(createdAt ? { createdAt } : {}),
      skus: {
        create: sizes.map((sizeMm) => ({ id: skus[sizeMm] as string, sizeMm, stocked: stock, available: stock })),
      },
    },
  });
  return { productId, sellerId, skus };
}

/** The stock buckets of one SKU. */
export async function stockOf(prisma: PrismaClient, skuId: string) {
  return prisma.sku.findUniqueOrThrow({
    where: { id: skuId },
    select: { stocked: true, available: true, reserved: true, sold: true },
  });
}

/** SKUs whose buckets do not add up (the CHECK should make this impossible; the tests prove it). */
export async function stockInvariantViolations(prisma: PrismaClient): Promise<unknown[]> {
  return prisma.$queryRaw`
    SELECT id FROM skus
    WHERE stocked <> available + reserved + sold OR available < 0 OR reserved < 0 OR sold < 0`;
}

/** The reserved bucket of every SKU must equal what RESERVED reservations hold of it. */
export async function reservedMismatches(prisma: PrismaClient): Promise<unknown[]> {
  return prisma.$queryRaw`
    SELECT s.id, s.reserved, coalesce(h.held, 0)::int AS held FROM skus s
    LEFT JOIN (
      SELECT l.sku_id, sum(l.quantity) AS held FROM stock_reservation_lines l
      JOIN stock_reservations r USING (order_id) WHERE r.status = 'RESERVED' GROUP BY l.sku_id
    ) h ON h.sku_id = s.id
    WHERE s.reserved <> coalesce(h.held, 0)`;
}

export async function outboxTypes(prisma: PrismaClient, orderId: string): Promise<string[]> {
  const rows = await prisma.outboxEvent.findMany({ where: { aggregateId: orderId }, orderBy: { id: 'asc' } });
  return rows.map((row) => row.type);
}

/** An order.placed payload for these lines, from a new buyer. */
export const placedOrder = (lines: Array<{ skuId: string; quantity: number }>) => ({
  orderId: randomUUID(),
  buyerId: randomUUID(),
  lines,
  placedAt: new Date().toISOString(),
});
