import { createProductRoute, handle, withIdempotency } from '@sneakers/shared';
import type { Router } from 'express';
import type { CatalogDeps } from '../../../catalog.deps';
import { productDetailView } from '../../product.views';
import { createProduct } from './create-product.use-case';

export function serveCreateProduct(router: Router, { runInTransaction }: CatalogDeps): void {
  handle(router, createProductRoute, ({ identity, body, idempotencyKey }) =>
    withIdempotency(
      runInTransaction,
      {
        scope: identity.userId,
        key: idempotencyKey,
        fingerprint: { method: createProductRoute.method, path: createProductRoute.path, body },
      },
      async (tx) => {
        const product = await createProduct(tx, identity, body);
        return { status: 201, body: productDetailView(product), headers: { Location: `/products/${product.id}` } };
      },
    ),
  );
}
