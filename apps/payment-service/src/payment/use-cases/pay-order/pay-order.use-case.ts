import { randomUUID } from 'node:crypto';
import { paymentCompleted } from '@sneakers/contracts';
import { writeOutboxEvent } from '@sneakers/kit';
import type { Tx } from '../../../prisma';
import { payFromWallet } from '../../../wallet/wallet.repository';
import { amountToPay } from '../../domain/payable-order';
import type { Payment } from '../../domain/payment';
import { PaymentErrors } from '../../domain/payment.errors';
import { lockPayableOrder } from '../../payable-order.repository';
import { findPaymentOfOrder, insertPayment } from '../../payment.repository';

export interface PayOrder {
  orderId: string;
  buyerId: string;
  now: Date;
}

/**
 * Pays the order from the buyer's balance in the caller's transaction: balance, PAYMENT entry,
 * payment row and payment.completed commit together or not at all. The order's row lock makes
 * concurrent payments of one order (and a cancel arriving meanwhile) take turns, so an order is
 * paid once; a repeat gets the original payment back (`created: false`).
 */
export async function payOrder(
  tx: Tx,
  { orderId, buyerId, now }: PayOrder,
): Promise<{ payment: Payment; created: boolean }> {
  const order = await lockPayableOrder(tx, orderId);
  if (order && order.buyerId !== buyerId) throw PaymentErrors.orderNotFound(orderId);
  // A statement of its own, after the lock: one that took the lock read the rows as they were when
  // it began, so it would miss the payment of a concurrent pay it waited for.
  const existing = await findPaymentOfOrder(tx, orderId);
  if (existing?.status === 'COMPLETED') return { payment: existing, created: false };

  const amount = amountToPay(order, buyerId, orderId, now);
  if (amount > 0) {
    const balance = await payFromWallet(tx, buyerId, amount);
    if (balance === undefined) throw PaymentErrors.insufficientBalance(amount);
  }
  const payment = await insertPayment(tx, { id: randomUUID(), orderId, buyerId, amount });
  await writeOutboxEvent(tx, paymentCompleted, {
    aggregateId: payment.id,
    payload: { paymentId: payment.id, orderId, buyerId, amount, paidAt: payment.paidAt.toISOString() },
  });
  return { payment, created: true };
}
