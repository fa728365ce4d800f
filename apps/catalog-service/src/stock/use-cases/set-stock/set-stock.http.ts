import { setStockRoute } from '@sneakers/contracts';
import { handle } from '@sneakers/kit';
import type { Router } from 'express';
import { skuStockView } from '../../../product/product.views';
import type { StockDeps } from '../../stock.deps';
import { setStock } from './set-stock.use-case';

// PUT with an absolute value is idempotent by nature: a retry sets the same number again.
export function serveSetStock(router: Router, { runInTransaction }: StockDeps): void {
  handle(router, setStockRoute, async ({ identity, params, body }) => {
    const sku = await runInTransaction((tx) => setStock(tx, identity, { ...params, onHand: body.onHand }));
    return { status: 200, body: skuStockView(sku) };
  });
}
