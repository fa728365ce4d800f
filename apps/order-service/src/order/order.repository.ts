import type { DiscountRule } from '@sneakers/contracts';
import type { InstantPosition, KeysetWindow, SqlExecutor, SqlReader } from '@sneakers/kit';
import type { Prisma } from '../generated/prisma/client';
import type { CancelReason, Order, OrderStatus } from './domain/order';

const withLines = { lines: { orderBy: { lineNo: 'asc' } } } as const;
type OrderRow = Omit<Prisma.OrderGetPayload<{ include: typeof withLines }>, 'lines'> & {
  lines: Array<Pick<Prisma.OrderLineGetPayload<object>, 'skuId' | 'quantity' | 'productId' | 'sellerId' | 'unitPrice'>>;
};

/** The order and its lines in one statement. */
export async function insertOrder(tx: SqlExecutor, order: Order): Promise<void> {
  await tx.$executeRawUnsafe(
    `WITH placed AS (
       INSERT INTO orders (id, buyer_id, status, user_coupon_id, placed_at, updated_at)
       VALUES ($1::uuid, $2::uuid, $3::order_status, $4::uuid, $5::timestamptz, $6::timestamptz)
     )
     INSERT INTO order_lines (order_id, line_no, sku_id, quantity)
     SELECT $1::uuid, l.n - 1, l.sku_id, l.quantity
     FROM unnest($7::uuid[], $8::int[]) WITH ORDINALITY AS l(sku_id, quantity, n)`,
    order.id,
    order.buyerId,
    order.status,
    order.userCouponId,
    order.placedAt,
    order.updatedAt,
    order.lines.map((line) => line.skuId),
    order.lines.map((line) => line.quantity),
  );
}

/**
 * The order and its lines in one statement: on the hot paths (every saga step, every `Prefer: wait`
 * re-read) each round trip to PostgreSQL costs more CPU than the query, so the lines come as JSON.
 */
const SELECT_ORDERS = `
  SELECT o.id, o.buyer_id AS "buyerId", o.status::text, o.user_coupon_id AS "userCouponId",
         o.stock_outcome AS "stockOutcome", o.stock_reject_reason AS "stockRejectReason",
         o.coupon_outcome AS "couponOutcome", o.coupon_rule AS "couponRule", o.subtotal, o.discount,
         o.amount, o.payment_deadline AS "paymentDeadline", o.cancel_reason AS "cancelReason",
         o.payment_id AS "paymentId", o.placed_at AS "placedAt", o.updated_at AS "updatedAt",
         (SELECT coalesce(json_agg(json_build_object('skuId', l.sku_id, 'quantity', l.quantity,
                   'productId', l.product_id, 'sellerId', l.seller_id, 'unitPrice', l.unit_price) ORDER BY l.line_no), '[]')
          FROM order_lines l WHERE l.order_id = o.id) AS lines
  FROM orders o`;
const SELECT_ORDER = `${SELECT_ORDERS} WHERE o.id = $1::uuid`;

/** The order with its row locked until the transaction ends, so transitions of one order queue up. */
export async function lockOrder(tx: SqlReader, id: string): Promise<Order | undefined> {
  const [row] = await tx.$queryRawUnsafe<OrderRow[]>(`${SELECT_ORDER} FOR UPDATE OF o`, id);
  return row ? toOrder(row) : undefined;
}

export async function findOrder(db: SqlReader, id: string): Promise<Order | undefined> {
  const [row] = await db.$queryRawUnsafe<OrderRow[]>(SELECT_ORDER, id);
  return row ? toOrder(row) : undefined;
}

/**
 * The order's columns, and the prices of lines priced since it was read, in one statement: each
 * round trip on a saga step costs more CPU than the write itself.
 */
export async function saveOrder(tx: SqlExecutor, order: Order): Promise<void> {
  const priced = order.lines.flatMap((line, lineNo) => (line.productId === null ? [] : [{ lineNo, ...line }]));
  const columns = columnsOf(order);
  await tx.$executeRawUnsafe(
    `WITH saved AS (
       UPDATE orders SET status = $2::order_status, stock_outcome = $3, stock_reject_reason = $4,
         coupon_outcome = $5, coupon_rule = $6::jsonb, subtotal = $7, discount = $8, amount = $9,
         payment_deadline = $10::timestamptz, cancel_reason = $11, payment_id = $12::uuid, updated_at = $13::timestamptz
       WHERE id = $1::uuid
     )
     UPDATE order_lines l SET product_id = p.product_id, seller_id = p.seller_id, unit_price = p.unit_price
     FROM unnest($14::int[], $15::uuid[], $16::uuid[], $17::int[]) AS p(line_no, product_id, seller_id, unit_price)
     WHERE l.order_id = $1::uuid AND l.line_no = p.line_no AND l.product_id IS NULL`,
    order.id,
    columns.status,
    columns.stockOutcome,
    columns.stockRejectReason,
    columns.couponOutcome,
    columns.couponRule === null ? null : JSON.stringify(columns.couponRule),
    columns.subtotal,
    columns.discount,
    columns.amount,
    columns.paymentDeadline,
    columns.cancelReason,
    columns.paymentId,
    columns.updatedAt,
    priced.map((line) => line.lineNo),
    priced.map((line) => line.productId),
    priced.map((line) => line.sellerId),
    priced.map((line) => line.unitPrice),
  );
}

/**
 * Newest first by (placed_at, id); `after` continues strictly after the last order shown. The row
 * comparison bounds the scan of the (buyer_id, placed_at, id) index, so a deep page costs what the
 * first does.
 */
export async function listBuyerOrders(
  db: SqlReader,
  buyerId: string,
  { after, take, status }: KeysetWindow<InstantPosition<'placedAt'>> & { status?: OrderStatus },
): Promise<Order[]> {
  const values: unknown[] = [buyerId];
  const where = ['o.buyer_id = $1::uuid'];
  if (status) {
    values.push(status);
    where.push(`o.status = $${values.length}::order_status`);
  }
  if (after) {
    values.push(after.placedAt, after.id);
    where.push(`(o.placed_at, o.id) < ($${values.length - 1}::timestamptz, $${values.length}::uuid)`);
  }
  values.push(take);
  const rows = await db.$queryRawUnsafe<OrderRow[]>(
    `${SELECT_ORDERS} WHERE ${where.join(' AND ')} ORDER BY o.placed_at DESC, o.id DESC LIMIT $${values.length}`,
    ...values,
  );
  return rows.map(toOrder);
}

/**
 * Unpaid orders past their deadline, locked; SKIP LOCKED lets several expiry runners (one per
 * instance) share the work without waiting for, or taking, each other's orders.
 */
export async function lockDueOrderIds(tx: SqlExecutor, now: Date, limit: number): Promise<string[]> {
  const rows = await tx.$queryRawUnsafe<Array<{ id: string }>>(
    `SELECT id::text FROM orders
     WHERE status = 'AWAITING_PAYMENT' AND payment_deadline < $1::timestamptz
     ORDER BY payment_deadline
     LIMIT $2
     FOR UPDATE SKIP LOCKED`,
    now,
    limit,
  );
  return rows.map((row) => row.id);
}

function columnsOf(order: Order) {
  return {
    status: order.status,
    stockOutcome: order.stock?.outcome ?? null,
    stockRejectReason: order.stock?.outcome === 'REJECTED' ? order.stock.reason : null,
    couponOutcome: order.coupon?.outcome ?? null,
    couponRule: order.coupon?.outcome === 'RESERVED' ? order.coupon.rule : null,
    subtotal: order.subtotal ?? (order.stock?.outcome === 'RESERVED' ? order.stock.subtotal : null),
    discount: order.discount,
    amount: order.amount,
    paymentDeadline: order.paymentDeadline,
    cancelReason: order.cancelReason,
    paymentId: order.paymentId,
    updatedAt: order.updatedAt,
  };
}

function toOrder(row: OrderRow): Order {
  return {
    id: row.id,
    buyerId: row.buyerId,
    status: row.status,
    userCouponId: row.userCouponId,
    lines: row.lines.map(({ skuId, quantity, productId, sellerId, unitPrice }) => ({
      skuId,
      quantity,
      productId,
      sellerId,
      unitPrice,
    })),
    stock:
      row.stockOutcome === 'RESERVED'
        ? { outcome: 'RESERVED', subtotal: row.subtotal ?? 0 }
        : row.stockOutcome === 'REJECTED'
          ? { outcome: 'REJECTED', reason: row.stockRejectReason as CancelReason }
          : null,
    coupon:
      row.couponOutcome === 'RESERVED'
        ? { outcome: 'RESERVED', rule: row.couponRule as DiscountRule }
        : row.couponOutcome === 'REJECTED'
          ? { outcome: 'REJECTED' }
          : null,
    subtotal: row.status === 'PENDING' || row.amount === null ? null : row.subtotal,
    discount: row.discount,
    amount: row.amount,
    paymentDeadline: row.paymentDeadline,
    cancelReason: row.cancelReason as CancelReason | null,
    paymentId: row.paymentId,
    placedAt: row.placedAt,
    updatedAt: row.updatedAt,
  };
}
