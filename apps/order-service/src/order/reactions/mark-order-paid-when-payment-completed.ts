import { paymentCompleted } from '@sneakers/contracts';
import { react } from '@sneakers/kit';
import type { Tx } from '../../prisma';
import { advanceOrder } from '../advance-order';
import { recordPayment } from '../domain/order';
import type { SagaSettings } from './saga-clock';

/** PAID only if still awaiting payment; after expiry it ends CANCELLED so the money goes back. */
export const markOrderPaidWhenPaymentCompleted = ({ outcomes }: SagaSettings) =>
  react(paymentCompleted, async ({ eventId, type, payload }, tx: Tx) => {
    await advanceOrder(tx, {
      orderId: payload.orderId,
      step: 'PAYMENT_COMPLETED',
      causedBy: { type, id: eventId },
      detail: { paymentId: payload.paymentId, amount: payload.amount },
      transition: (order) => recordPayment(order, payload.paymentId, new Date()),
      outcomes,
    });
  });
