import { stockReserved } from '@sneakers/contracts';
import { react } from '@sneakers/kit';
import type { Tx } from '../../prisma';
import { advanceOrder } from '../advance-order';
import { recordStockReserved } from '../domain/order';
import { type SagaSettings, settleNow } from './saga-clock';

/** Priced lines are in: the order awaits payment unless it still waits for its coupon's answer. */
export const awaitPaymentWhenStockReserved = (settings: SagaSettings) =>
  react(stockReserved, async ({ eventId, type, payload }, tx: Tx) => {
    await advanceOrder(tx, {
      orderId: payload.orderId,
      step: 'STOCK_RESERVED',
      causedBy: { type, id: eventId },
      detail: { subtotal: payload.subtotal },
      transition: (order) => recordStockReserved(order, payload.lines, payload.subtotal, settleNow(settings)),
      outcomes: settings.outcomes,
    });
  });
