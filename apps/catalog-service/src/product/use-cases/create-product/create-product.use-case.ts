import { randomUUID } from 'node:crypto';
import type { createProductRoute } from '@sneakers/contracts';
import type { Identity } from '@sneakers/kit';
import type { z } from 'zod';
import type { Tx } from '../../../prisma';
import { ProductErrors } from '../../domain/product.errors';
import { insertProduct, type ProductWithSkus } from '../../product.repository';

export type CreateProduct = z.infer<typeof createProductRoute.body>;

/** A new product starts as a DRAFT, invisible to buyers, with whatever sizes and stock it was given. */
export async function createProduct(tx: Tx, identity: Identity, body: CreateProduct): Promise<ProductWithSkus> {
  const sellerId = ownerOf(identity, body.sellerId);
  const sizes = body.sizes ?? [];
  const seen = new Set<number>();
  for (const { sizeMm } of sizes) {
    if (seen.has(sizeMm)) throw ProductErrors.duplicateSize(sizeMm);
    seen.add(sizeMm);
  }
  return insertProduct(tx, {
    id: randomUUID(),
    sellerId,
    brand: body.brand,
    modelName: body.modelName,
    colorway: body.colorway,
    releaseDate: body.releaseDate ?? null,
    description: body.description ?? '',
    imageUrls: body.imageUrls ?? [],
    price: body.price,
    skus: sizes.map(({ sizeMm, stock }) => ({ id: randomUUID(), sizeMm, stock })),
  });
}

function ownerOf(identity: Identity, requested: string | undefined): string {
  if (identity.role === 'ADMIN') {
    if (!requested) throw ProductErrors.sellerRequired();
    return requested;
  }
  if (requested && requested !== identity.userId) throw ProductErrors.notYours();
  return identity.userId;
}
