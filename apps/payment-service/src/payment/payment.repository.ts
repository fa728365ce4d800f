import type { SqlExecutor } from '@sneakers/kit';
import type { Payment as PaymentRow } from '../generated/prisma/client';
import type { Tx } from '../prisma';
import type { Payment } from './domain/payment';

const PAYMENT_COLUMNS = `id, order_id AS "orderId", buyer_id AS "buyerId", amount, status::text AS status,
  paid_at AS "paidAt", refunded_at AS "refundedAt"`;

export async function findPaymentOfOrder(tx: SqlExecutor, orderId: string): Promise<Payment | undefined> {
  const [row] = await tx.$queryRawUnsafe<PaymentRow[]>(
    `SELECT ${PAYMENT_COLUMNS} FROM payments WHERE order_id = $1::uuid`,
    orderId,
  );
  return row && toPayment(row);
}

export async function insertPayment(
  tx: SqlExecutor,
  { id, orderId, buyerId, amount }: { id: string; orderId: string; buyerId: string; amount: number },
): Promise<Payment> {
  const [row] = await tx.$queryRawUnsafe<PaymentRow[]>(
    `INSERT INTO payments (id, order_id, buyer_id, amount) VALUES ($1::uuid, $2::uuid, $3::uuid, $4)
     RETURNING ${PAYMENT_COLUMNS}`,
    id,
    orderId,
    buyerId,
    amount,
  );
  return toPayment(row as PaymentRow);
}

/** COMPLETED → REFUNDED, at most once: undefined when there was nothing (left) to refund. */
export async function markRefunded(tx: Tx, orderId: string, reason: string): Promise<Payment | undefined> {
  const [row] = await tx.$queryRawUnsafe<PaymentRow[]>(
    `UPDATE payments SET status = 'REFUNDED', refunded_at = $2::timestamptz, refund_reason = $3
     WHERE order_id = $1::uuid AND status = 'COMPLETED'
     RETURNING ${PAYMENT_COLUMNS}`,
    orderId,
    new Date(),
    reason,
  );
  return row && toPayment(row);
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
