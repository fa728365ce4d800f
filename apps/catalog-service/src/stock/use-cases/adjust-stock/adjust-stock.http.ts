import { adjustStockRoute } from '@sneakers/contracts';
import { handleIdempotent } from '@sneakers/kit';
import type { Router } from 'express';
import { skuStockView } from '../../../product/product.views';
import type { StockDeps } from '../../stock.deps';
import { adjustStock } from './adjust-stock.use-case';

// A relative change applied twice is two changes: the Idempotency-Key makes a retry safe.
export function serveAdjustStock(router: Router, { runInTransaction }: StockDeps): void {
  handleIdempotent(router, adjustStockRoute, runInTransaction, ({ identity, params, body, idempotently }) =>
    idempotently(async (tx) => {
      const sku = await adjustStock(tx, identity, { ...params, delta: body.delta });
      return { status: 200, body: skuStockView(sku) };
    }),
  );
}
