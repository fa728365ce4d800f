import { adjustStockRoute, handle, withIdempotency } from '@sneakers/shared';
import type { Router } from 'express';
import type { CatalogDeps } from '../../../catalog.deps';
import { skuStockView } from '../../../product/product.views';
import { adjustStock } from './adjust-stock.use-case';

// A relative change applied twice is two changes: the Idempotency-Key makes a retry safe.
export function serveAdjustStock(router: Router, { runInTransaction }: CatalogDeps): void {
  handle(router, adjustStockRoute, ({ identity, params, body, idempotencyKey }) =>
    withIdempotency(
      runInTransaction,
      {
        scope: identity.userId,
        key: idempotencyKey,
        fingerprint: { method: adjustStockRoute.method, path: adjustStockRoute.path, params, body },
      },
      async (tx) => {
        const sku = await adjustStock(tx, identity, { ...params, delta: body.delta });
        return { status: 200, body: skuStockView(sku) };
      },
    ),
  );
}
