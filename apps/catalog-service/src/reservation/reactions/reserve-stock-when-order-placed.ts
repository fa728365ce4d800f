import { orderPlaced, react } from '@sneakers/shared';
import type { Tx } from '../../prisma';
import { reserveStock } from '../use-cases/reserve-stock/reserve-stock.use-case';

export const reserveStockWhenOrderPlaced = react(orderPlaced, async ({ payload }, tx: Tx) => {
  await reserveStock(tx, { orderId: payload.orderId, lines: payload.lines, now: new Date() });
});
