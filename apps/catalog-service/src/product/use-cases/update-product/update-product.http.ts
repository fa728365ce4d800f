import { updateProductRoute } from '@sneakers/contracts';
import { handle } from '@sneakers/kit';
import type { Router } from 'express';
import type { ProductDeps } from '../../product.deps';
import { productView } from '../../product.views';
import { editProduct } from './update-product.use-case';

export function serveUpdateProduct(router: Router, { runInTransaction }: ProductDeps): void {
  handle(router, updateProductRoute, async ({ identity, params, body }) => {
    const product = await runInTransaction((tx) => editProduct(tx, identity, params.productId, body));
    return { status: 200, body: productView(product) };
  });
}
