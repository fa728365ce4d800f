import type { CarrierHeaders, SqlReader } from '@sneakers/kit';
import type { Tx } from '../prisma';
import type { PayableOrder } from './domain/payable-order';

/** Wakes payments waiting for an order this service had not heard of (see pay-order.http.ts). */
export const PAYABLE_ORDER_CHANNEL = 'payable_order_changed';

/**
 * Wraps an upsert of one order's row (`… RETURNING order_id`) so the same statement wakes the
 * payments waiting for it: the NOTIFY rides the caller's transaction, so they wake when the row is
 * visible, and it costs no round trip of its own. The id as PostgreSQL prints it, which waiters key by.
 */
const andNotify = (upsert: string) =>
  `WITH changed AS (${upsert} RETURNING order_id)
   SELECT pg_notify('${PAYABLE_ORDER_CHANNEL}', order_id::text) FROM changed`;

/** Locks the order's row (pay and cancel both take it first, so they never interleave). */
export async function lockPayableOrder(tx: Tx, orderId: string): Promise<PayableOrder | undefined> {
  const rows = await tx.$queryRawUnsafe<PayableOrder[]>(
    `SELECT order_id AS "orderId", buyer_id AS "buyerId", amount, payment_deadline AS "paymentDeadline",
            status::text AS status, cancel_reason AS "cancelReason"
     FROM payable_orders WHERE order_id = $1::uuid FOR UPDATE`,
    orderId,
  );
  return rows[0];
}

/** Locks the rows of these orders that exist, in id order (see lockPaymentsForRun). */
export async function lockPayableOrders(tx: Tx, orderIds: string[]): Promise<void> {
  if (orderIds.length === 0) return;
  await tx.$queryRawUnsafe(
    'SELECT order_id FROM payable_orders WHERE order_id = ANY($1::uuid[]) ORDER BY order_id FOR UPDATE',
    orderIds,
  );
}

/**
 * The checkout's trace context stored with the order (empty when none came with its events), or
 * undefined when no event about the order has arrived yet.
 */
export async function traceHeadersOfOrder(db: SqlReader, orderId: string): Promise<CarrierHeaders | undefined> {
  const [order] = await db.$queryRawUnsafe<Array<{ traceHeaders: CarrierHeaders | null }>>(
    'SELECT trace_headers AS "traceHeaders" FROM payable_orders WHERE order_id = $1::uuid',
    orderId,
  );
  return order ? (order.traceHeaders ?? {}) : undefined;
}

/** The order may be paid now; a later awaiting-payment never reopens a PAID or CANCELLED order. */
export async function recordAwaitingPayment(
  tx: Tx,
  order: { orderId: string; buyerId: string; amount: number; paymentDeadline: Date; traceHeaders: CarrierHeaders },
): Promise<void> {
  // A cancel (or paid) that came first left amount and deadline empty: fill them in, keep its status.
  await tx.$executeRawUnsafe(
    andNotify(`INSERT INTO payable_orders (order_id, buyer_id, amount, payment_deadline, status, trace_headers)
     VALUES ($1::uuid, $2::uuid, $3, $4::timestamptz, 'PAYABLE', $5::jsonb)
     ON CONFLICT (order_id) DO UPDATE
       SET amount = COALESCE(payable_orders.amount, EXCLUDED.amount),
           payment_deadline = COALESCE(payable_orders.payment_deadline, EXCLUDED.payment_deadline),
           trace_headers = EXCLUDED.trace_headers,
           updated_at = now()`),
    order.orderId,
    order.buyerId,
    order.amount,
    order.paymentDeadline,
    JSON.stringify(order.traceHeaders),
  );
}

/** PAYABLE → PAID; a cancelled order stays cancelled (and wakes no one: nothing changed). */
export async function recordPaid(tx: Tx, order: { orderId: string; buyerId: string; amount: number }): Promise<void> {
  await tx.$executeRawUnsafe(
    andNotify(`INSERT INTO payable_orders (order_id, buyer_id, amount, status)
     VALUES ($1::uuid, $2::uuid, $3, 'PAID')
     ON CONFLICT (order_id) DO UPDATE SET status = 'PAID', updated_at = now()
       WHERE payable_orders.status = 'PAYABLE'`),
    order.orderId,
    order.buyerId,
    order.amount,
  );
}

/** Final, whatever came before; the first cancel's reason is kept. Leaves the row locked. */
export async function recordCancelled(
  tx: Tx,
  order: { orderId: string; buyerId: string; reason: string },
): Promise<void> {
  await tx.$executeRawUnsafe(
    andNotify(`INSERT INTO payable_orders (order_id, buyer_id, status, cancel_reason)
     VALUES ($1::uuid, $2::uuid, 'CANCELLED', $3)
     ON CONFLICT (order_id) DO UPDATE
       SET status = 'CANCELLED',
           cancel_reason = COALESCE(payable_orders.cancel_reason, EXCLUDED.cancel_reason),
           updated_at = now()`),
    order.orderId,
    order.buyerId,
    order.reason,
  );
}
