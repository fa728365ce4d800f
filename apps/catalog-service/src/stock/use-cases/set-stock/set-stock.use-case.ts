import { randomUUID } from 'node:crypto';
import type { Identity } from '@sneakers/kit';
import type { Tx } from '../../../prisma';
import { ProductErrors } from '../../../product/domain/product.errors';
import { assertManagedProduct } from '../../assert-managed-product';
import { findSku, type SkuStock, setOnHand } from '../../stock.repository';

export interface SetStock {
  productId: string;
  sizeMm: number;
  onHand: number;
}

/** Absolute: "I have N of this size unsold". Never below what orders already hold. */
export async function setStock(tx: Tx, identity: Identity, { productId, sizeMm, onHand }: SetStock): Promise<SkuStock> {
  await assertManagedProduct(tx, identity, productId);
  const sku = await setOnHand(tx, { productId, sizeMm, onHand, newSkuId: randomUUID() });
  if (sku) return sku;
  throw ProductErrors.belowReserved((await findSku(tx, productId, sizeMm))?.reserved ?? 0);
}
