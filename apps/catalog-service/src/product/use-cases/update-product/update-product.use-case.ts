import type { updateProductRoute } from '@sneakers/contracts';
import type { Identity } from '@sneakers/kit';
import type { z } from 'zod';
import type { Product } from '../../../generated/prisma/client';
import type { Tx } from '../../../prisma';
import { ProductErrors } from '../../domain/product.errors';
import { assertCanManage } from '../../domain/product-access';
import { lockProduct, updateProduct } from '../../product.repository';
import { announceProductChange } from '../../product-events';

export type EditProduct = z.infer<typeof updateProductRoute.body>;

/** Edits the seller's own product; a listed one tells the platform (product.updated). */
export async function editProduct(tx: Tx, identity: Identity, productId: string, edit: EditProduct): Promise<Product> {
  const current = await lockProduct(tx, productId);
  if (!current) throw ProductErrors.notFound();
  assertCanManage(identity, current);
  if (current.status === 'DISCONTINUED') throw ProductErrors.discontinued();
  const product = await updateProduct(tx, productId, edit);
  if (product.status !== 'DRAFT') await announceProductChange(tx, product, 'updated');
  return product;
}
