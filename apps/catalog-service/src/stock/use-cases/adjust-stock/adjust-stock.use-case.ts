import type { Identity } from '@sneakers/kit';
import type { Tx } from '../../../prisma';
import { ProductErrors } from '../../../product/domain/product.errors';
import { assertManagedProduct } from '../../assert-managed-product';
import { adjustAvailable, findSku, type SkuStock } from '../../stock.repository';

export interface AdjustStock {
  productId: string;
  sizeMm: number;
  delta: number;
}

/** Relative: "5 more arrived" or "2 were damaged". Cannot take back units orders hold. */
export async function adjustStock(
  tx: Tx,
  identity: Identity,
  { productId, sizeMm, delta }: AdjustStock,
): Promise<SkuStock> {
  await assertManagedProduct(tx, identity, productId);
  const sku = await adjustAvailable(tx, { productId, sizeMm, delta });
  if (sku) return sku;
  const existing = await findSku(tx, productId, sizeMm);
  if (!existing) throw ProductErrors.sizeNotFound(sizeMm);
  throw ProductErrors.belowReserved(existing.reserved);
}
