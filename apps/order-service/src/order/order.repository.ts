import {
  type DiscountRule,
  type InstantPosition,
  type KeysetWindow,
  rowsAfter,
  type SqlExecutor,
} from '@sneakers/shared';
import { Prisma } from '../generated/prisma/client';
import type { Tx } from '../prisma';
import type { CancelReason, Order, OrderStatus } from './domain/order';

const withLines = { lines: { orderBy: { lineNo: 'asc' } } } as const;
type OrderRow = Omit<Prisma.OrderGetPayload<{ include: typeof withLines }>, 'lines'> & {
  lines: Array<Pick<Prisma.OrderLineGetPayload<object>, 'skuId' | 'quantity' | 'productId' | 'sellerId' | 'unitPrice'>>;
};

export async function insertOrder(tx: Tx, order: Order): Promise<void> {
  await tx.order.create({
    data: {
      ...columnsOf(order),
      id: order.id,
      buyerId: order.buyerId,
      userCouponId: order.userCouponId,
      placedAt: order.placedAt,
      lines: { create: order.lines.map((line, lineNo) => ({ lineNo, skuId: line.skuId, quantity: line.quantity })) },
    },
  });
}

/** Reads orders in one statement (a transaction's, or the client's own outside one). */
export type OrderReader = Pick<SqlExecutor, '$queryRawUnsafe'>;

/**
 * The order and its lines in one statement: on the hot paths (every saga step, every `Prefer: wait`
 * re-read) each round trip to PostgreSQL costs more CPU than the query, so the lines come as JSON.
 */
const SELECT_ORDER = `
  SELECT o.id, o.buyer_id AS "buyerId", o.status::text, o.user_coupon_id AS "userCouponId",
         o.stock_outcome AS "stockOutcome", o.stock_reject_reason AS "stockRejectReason",
         o.coupon_outcome AS "couponOutcome", o.coupon_rule AS "couponRule", o.subtotal, o.discount,
         o.amount, o.payment_deadline AS "paymentDeadline", o.cancel_reason AS "cancelReason",
         o.payment_id AS "paymentId", o.placed_at AS "placedAt", o.updated_at AS "updatedAt",
         (SELECT coalesce(json_agg(json_build_object('skuId', l.sku_id, 'quantity', l.quantity,
                   'productId', l.product_id, 'sellerId', l.seller_id, 'unitPrice', l.unit_price) ORDER BY l.line_no), '[]')
          FROM order_lines l WHERE l.order_id = o.id) AS lines
  FROM orders o WHERE o.id = $1::uuid`;

/** The order with its row locked until the transaction ends, so transitions of one order queue up. */
export async function lockOrder(tx: OrderReader, id: string): Promise<Order | undefined> {
  const [row] = await tx.$queryRawUnsafe<OrderRow[]>(`${SELECT_ORDER} FOR UPDATE OF o`, id);
  return row ? toOrder(row) : undefined;
}

export async function findOrder(db: OrderReader, id: string): Promise<Order | undefined> {
  const [row] = await db.$queryRawUnsafe<OrderRow[]>(SELECT_ORDER, id);
  return row ? toOrder(row) : undefined;
}

export async function saveOrder(tx: Tx, order: Order): Promise<void> {
  await tx.order.update({ where: { id: order.id }, data: columnsOf(order) });
  for (const [lineNo, line] of order.lines.entries()) {
    if (line.productId === null) continue;
    await tx.orderLine.updateMany({
      where: { orderId: order.id, lineNo, productId: null },
      data: { productId: line.productId, sellerId: line.sellerId, unitPrice: line.unitPrice },
    });
  }
}

/** Newest first by (placed_at, id); `after` continues strictly after the last order shown. */
export async function listBuyerOrders(
  tx: Pick<Tx, 'order'>,
  buyerId: string,
  { after, take, status }: KeysetWindow<InstantPosition<'placedAt'>> & { status?: OrderStatus },
): Promise<Order[]> {
  const rows = await tx.order.findMany({
    where: { buyerId, ...(status ? { status } : {}), ...(after && rowsAfter('placedAt', after.placedAt, after.id)) },
    orderBy: [{ placedAt: 'desc' }, { id: 'desc' }],
    take,
    include: withLines,
  });
  return rows.map(toOrder);
}

/**
 * Unpaid orders past their deadline, locked; SKIP LOCKED lets several expiry runners (one per
 * instance) share the work without waiting for, or taking, each other's orders.
 */
export async function lockDueOrderIds(tx: Tx, now: Date, limit: number): Promise<string[]> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id::text FROM orders
    WHERE status = 'AWAITING_PAYMENT' AND payment_deadline < ${now}
    ORDER BY payment_deadline
    LIMIT ${limit}
    FOR UPDATE SKIP LOCKED`;
  return rows.map((row) => row.id);
}

function columnsOf(order: Order) {
  return {
    status: order.status,
    stockOutcome: order.stock?.outcome ?? null,
    stockRejectReason: order.stock?.outcome === 'REJECTED' ? order.stock.reason : null,
    couponOutcome: order.coupon?.outcome ?? null,
    couponRule: order.coupon?.outcome === 'RESERVED' ? (order.coupon.rule as Prisma.InputJsonValue) : Prisma.DbNull,
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
