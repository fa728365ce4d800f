import { stockRejected } from '@sneakers/contracts';
import { react } from '@sneakers/kit';
import type { Tx } from '../../prisma';
import { advanceOrder } from '../advance-order';
import { recordStockRejected } from '../domain/order';
import { type SagaSettings, settleNow } from './saga-clock';

export const cancelOrderWhenStockRejected = (settings: SagaSettings) =>
  react(stockRejected, async ({ eventId, type, payload }, tx: Tx) => {
    await advanceOrder(tx, {
      orderId: payload.orderId,
      step: 'STOCK_REJECTED',
      causedBy: { type, id: eventId },
      detail: { reason: payload.reason, skuId: payload.skuId },
      transition: (order) => recordStockRejected(order, payload.reason, settleNow(settings)),
      outcomes: settings.outcomes,
    });
  });
