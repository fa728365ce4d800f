import { orderPaid } from '@sneakers/contracts';
import { type Reaction, react } from '@sneakers/kit';
import type { Tx } from '../../prisma';
import { commitStock } from '../use-cases/commit-stock/commit-stock.use-case';

export const commitStockWhenOrderPaid = (timeZone: string): Reaction<Tx> =>
  react(orderPaid, async ({ payload }, tx: Tx) => {
    await commitStock(tx, { orderId: payload.orderId, paidAt: new Date(payload.paidAt), timeZone });
  });
