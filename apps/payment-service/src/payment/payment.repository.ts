import type { Payment as PaymentRow } from '../generated/prisma/client';
import type { Tx } from '../prisma';
import type { Payment } from './domain/payment';

export async function findPaymentOfOrder(tx: Tx, orderId: string): Promise<Payment | undefined> {
  const row = await tx.payment.findUnique({ where: { orderId } });
  return row ? toPayment(row) : undefined;
}

export async function insertPayment(
  tx: Tx,
  payment: { id: string; orderId: string; buyerId: string; amount: number },
): Promise<Payment> {
  return toPayment(await tx.payment.create({ data: payment }));
}

/** COMPLETED → REFUNDED, at most once: undefined when there was nothing (left) to refund. */
export async function markRefunded(tx: Tx, orderId: string, reason: string): Promise<Payment | undefined> {
  const rows = await tx.payment.updateManyAndReturn({
    where: { orderId, status: 'COMPLETED' },
    data: { status: 'REFUNDED', refundedAt: new Date(), refundReason: reason },
  });
  return rows[0] && toPayment(rows[0]);
}

function toPayment(row: PaymentRow): Payment {
  return {
    id: row.id,
    orderId: row.orderId,
    buyerId: row.buyerId,
    amount: row.amount,
    status: row.status,
    paidAt: row.paidAt,
    refundedAt: row.refundedAt,
  };
}
