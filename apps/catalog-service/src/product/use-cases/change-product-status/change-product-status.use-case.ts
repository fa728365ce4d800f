import type { Identity } from '@sneakers/kit';
import type { Product } from '../../../generated/prisma/client';
import type { Tx } from '../../../prisma';
import { ProductErrors } from '../../domain/product.errors';
import { assertCanManage } from '../../domain/product-access';
import { nextStatus } from '../../domain/product-status';
import { lockProduct, updateProduct } from '../../product.repository';
import { announceProductChange } from '../../product-events';

/**
 * Publishes (→ ON_SALE, product.published) or discontinues (→ DISCONTINUED, product.updated) the
 * product. Asking for the status it already has changes nothing and announces nothing.
 */
export async function changeProductStatus(
  tx: Tx,
  identity: Identity,
  productId: string,
  to: 'ON_SALE' | 'DISCONTINUED',
): Promise<Product> {
  const current = await lockProduct(tx, productId);
  if (!current) throw ProductErrors.notFound();
  assertCanManage(identity, current);
  const status = nextStatus(current.status, to);
  if (!status) return current;
  const product = await updateProduct(tx, productId, { status });
  await announceProductChange(tx, product, to === 'ON_SALE' ? 'published' : 'updated');
  return product;
}
