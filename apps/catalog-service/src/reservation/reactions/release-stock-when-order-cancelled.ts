import { orderCancelled } from '@sneakers/contracts';
import { react } from '@sneakers/kit';
import type { Tx } from '../../prisma';
import { releaseStock } from '../use-cases/release-stock/release-stock.use-case';

/** Whatever the reason (rejected, expired, cancelled by the buyer, refunded), the stock goes back. */
export const releaseStockWhenOrderCancelled = react(orderCancelled, async ({ payload }, tx: Tx) => {
  await releaseStock(tx, payload.orderId);
});
