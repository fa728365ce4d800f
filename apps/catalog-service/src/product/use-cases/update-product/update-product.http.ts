import { handle, updateProductRoute } from '@sneakers/shared';
import type { Router } from 'express';
import type { CatalogDeps } from '../../../catalog.deps';
import { productView } from '../../product.views';
import { editProduct } from './update-product.use-case';

export function serveUpdateProduct(router: Router, { runInTransaction }: CatalogDeps): void {
  handle(router, updateProductRoute, async ({ identity, params, body }) => {
    const product = await runInTransaction((tx) => editProduct(tx, identity, params.productId, body));
    return { status: 200, body: productView(product) };
  });
}
