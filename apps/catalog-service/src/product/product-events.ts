import { productPublished, productUpdated } from '@sneakers/contracts';
import { writeOutboxEvent } from '@sneakers/kit';
import type { Product } from '../generated/prisma/client';
import type { Tx } from '../prisma';

/** product.published when it goes on sale; product.updated for every later change others copy. */
export async function announceProductChange(tx: Tx, product: Product, change: 'published' | 'updated'): Promise<void> {
  const common = {
    productId: product.id,
    sellerId: product.sellerId,
    brand: product.brand,
    modelName: product.modelName,
    price: product.price,
  };
  if (change === 'published') {
    await writeOutboxEvent(tx, productPublished, {
      aggregateId: product.id,
      payload: { ...common, publishedAt: product.updatedAt.toISOString() },
    });
  } else {
    await writeOutboxEvent(tx, productUpdated, {
      aggregateId: product.id,
      payload: { ...common, status: product.status, updatedAt: product.updatedAt.toISOString() },
    });
  }
}
