import type { Identity } from '@sneakers/kit';
import type { Tx } from '../prisma';
import { ProductErrors } from '../product/domain/product.errors';
import { assertCanManage } from '../product/domain/product-access';
import { findProduct } from '../product/product.repository';

/** Stock is set or adjusted only by whoever manages the product, and never on a discontinued one. */
export async function assertManagedProduct(tx: Tx, identity: Identity, productId: string): Promise<void> {
  const product = await findProduct(tx, productId);
  if (!product) throw ProductErrors.notFound();
  assertCanManage(identity, product);
  if (product.status === 'DISCONTINUED') throw ProductErrors.discontinued();
}
