import { orderPlaced } from '@sneakers/contracts';
import { reactInBatches } from '@sneakers/kit';
import type { Tx } from '../../prisma';
import { reserveStock } from '../use-cases/reserve-stock/reserve-stock.use-case';

/** Batched: a crowd's orders for one hot SKU share one transaction and one wait for its row lock. */
export const reserveStockWhenOrderPlaced = reactInBatches(orderPlaced, async (events, tx: Tx) => {
  await reserveStock(
    tx,
    events.map(({ payload }) => payload),
    new Date(),
  );
});
