import { createProductRoute } from '@sneakers/contracts';
import { handleIdempotent } from '@sneakers/kit';
import type { Router } from 'express';
import type { ProductDeps } from '../../product.deps';
import { productDetailView } from '../../product.views';
import { createProduct } from './create-product.use-case';

export function serveCreateProduct(router: Router, { runInTransaction }: ProductDeps): void {
  handleIdempotent(router, createProductRoute, runInTransaction, ({ identity, body, idempotently }) =>
    idempotently(async (tx) => {
      const product = await createProduct(tx, identity, body);
      return { status: 201, body: productDetailView(product), headers: { Location: `/products/${product.id}` } };
    }),
  );
}
