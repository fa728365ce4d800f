import { paymentRefunded } from '@sneakers/contracts';
import { writeOutboxEvent } from '@sneakers/kit';
import type { Tx } from '../../../prisma';
import { recordLedgerEntry, returnToWallet } from '../../../wallet/wallet.repository';
import { refundReasonFor } from '../../domain/payable-order';
import type { Payment } from '../../domain/payment';
import { markRefunded } from '../../payment.repository';

/**
 * Compensation of a payment whose order was cancelled (typically one that raced the expiry): the
 * money goes back to the balance with a REFUND entry and payment.refunded, in the caller's
 * transaction. Nothing to do when the order was never paid or was refunded already, so running it
 * twice refunds once.
 */
export async function refundPaymentOfCancelledOrder(
  tx: Tx,
  { orderId, cancelReason }: { orderId: string; cancelReason: string },
): Promise<Payment | undefined> {
  const reason = refundReasonFor(cancelReason);
  const payment = await markRefunded(tx, orderId, reason);
  if (!payment) return undefined;
  if (payment.amount > 0) {
    const balance = await returnToWallet(tx, payment.buyerId, payment.amount);
    await recordLedgerEntry(tx, {
      userId: payment.buyerId,
      type: 'REFUND',
      amount: payment.amount,
      balanceAfter: balance,
    });
  }
  await writeOutboxEvent(tx, paymentRefunded, {
    aggregateId: payment.id,
    payload: {
      paymentId: payment.id,
      orderId,
      buyerId: payment.buyerId,
      amount: payment.amount,
      reason,
      refundedAt: (payment.refundedAt ?? new Date()).toISOString(),
    },
  });
  return payment;
}
