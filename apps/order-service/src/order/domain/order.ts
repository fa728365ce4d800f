import { computeDiscount, type DiscountRule } from '@sneakers/contracts/discount';
import type { ORDER_CANCEL_REASONS } from '@sneakers/contracts/events';
import { OrderErrors } from './order.errors';

export type OrderStatus = 'PENDING' | 'AWAITING_PAYMENT' | 'PAID' | 'CANCELLED' | 'EXPIRED';
export type CancelReason = (typeof ORDER_CANCEL_REASONS)[number];

export interface OrderLine {
  skuId: string;
  quantity: number;
  productId: string | null;
  sellerId: string | null;
  unitPrice: number | null;
}

export interface Order {
  id: string;
  buyerId: string;
  status: OrderStatus;
  userCouponId: string | null;
  lines: OrderLine[];
  stock: { outcome: 'RESERVED'; subtotal: number } | { outcome: 'REJECTED'; reason: CancelReason } | null;
  coupon: { outcome: 'RESERVED'; rule: DiscountRule } | { outcome: 'REJECTED' } | null;
  subtotal: number | null;
  discount: number | null;
  amount: number | null;
  paymentDeadline: Date | null;
  cancelReason: CancelReason | null;
  paymentId: string | null;
  placedAt: Date;
  updatedAt: Date;
}

/** What a transition did: the use case announces `AWAITING_PAYMENT`, `CANCELLED`, … with an event. */
export type Outcome = 'AWAITING_PAYMENT' | 'CANCELLED' | 'PAID' | 'EXPIRED' | null;

export interface Transition {
  order: Order;
  outcome: Outcome;
}

const unchanged = (order: Order): Transition => ({ order, outcome: null });

export function placeOrder(input: {
  id: string;
  buyerId: string;
  lines: Array<{ skuId: string; quantity: number }>;
  userCouponId?: string;
  now: Date;
}): Order {
  return {
    id: input.id,
    buyerId: input.buyerId,
    status: 'PENDING',
    userCouponId: input.userCouponId ?? null,
    lines: input.lines.map((l) => ({ ...l, productId: null, sellerId: null, unitPrice: null })),
    stock: null,
    coupon: null,
    subtotal: null,
    discount: null,
    amount: null,
    paymentDeadline: null,
    cancelReason: null,
    paymentId: null,
    placedAt: input.now,
    updatedAt: input.now,
  };
}

interface PricedLine {
  skuId: string;
  productId: string;
  sellerId: string;
  quantity: number;
  unitPrice: number;
}

/**
 * Catalog's answer and coupon-service's answer arrive in any order and maybe twice: the first of each
 * is recorded (a repeat changes nothing), then the order settles once it has all it waits for.
 */
export function recordStockReserved(order: Order, lines: PricedLine[], subtotal: number, settle: Settle): Transition {
  if (order.stock) return unchanged(order);
  const priced = order.lines.map((line) => {
    const match = lines.find((l) => l.skuId === line.skuId);
    return match ? { ...line, productId: match.productId, sellerId: match.sellerId, unitPrice: match.unitPrice } : line;
  });
  return settleIfComplete({ ...order, lines: priced, stock: { outcome: 'RESERVED', subtotal } }, settle);
}

export function recordStockRejected(order: Order, reason: CancelReason, settle: Settle): Transition {
  if (order.stock) return unchanged(order);
  return settleIfComplete({ ...order, stock: { outcome: 'REJECTED', reason } }, settle);
}

// Only the answer about the order's own coupon counts: a stray one must never discount an order.
const isAnswerFor = (order: Order, userCouponId: string) => !order.coupon && order.userCouponId === userCouponId;

export function recordCouponReserved(
  order: Order,
  userCouponId: string,
  rule: DiscountRule,
  settle: Settle,
): Transition {
  if (!isAnswerFor(order, userCouponId)) return unchanged(order);
  return settleIfComplete({ ...order, coupon: { outcome: 'RESERVED', rule } }, settle);
}

export function recordCouponRejected(order: Order, userCouponId: string, settle: Settle): Transition {
  if (!isAnswerFor(order, userCouponId)) return unchanged(order);
  return settleIfComplete({ ...order, coupon: { outcome: 'REJECTED' } }, settle);
}

export interface Settle {
  now: Date;
  paymentWindowMs: number;
}

// `order` is already a copy with the new answer in it: kept (and saved) with nothing to announce,
// while the order still waits for the other answer, or when it was settled before this one came.
const recorded = (order: Order): Transition => ({ order, outcome: null });

// A rejection cancels at once (no need to wait for the other answer: the compensations release
// whatever the other side holds, even if its reservation comes later).
function settleIfComplete(order: Order, { now, paymentWindowMs }: Settle): Transition {
  if (order.status !== 'PENDING') return recorded(order);
  if (order.stock?.outcome === 'REJECTED') return cancel(order, order.stock.reason, now);
  if (order.coupon?.outcome === 'REJECTED') return cancel(order, 'COUPON_REJECTED', now);
  if (order.stock?.outcome !== 'RESERVED') return recorded(order);
  if (order.userCouponId && !order.coupon) return recorded(order);
  const subtotal = order.stock.subtotal;
  let discount = 0;
  if (order.coupon?.outcome === 'RESERVED') {
    const result = computeDiscount(order.coupon.rule, order.lines.map(pricedForDiscount));
    // A coupon for none of the order's sellers is as unusable as a rejected one (no reason of its own).
    if (!result.applies)
      return cancel(order, result.reason === 'MIN_ORDER_NOT_MET' ? result.reason : 'COUPON_REJECTED', now);
    discount = result.discount;
  }
  const awaiting: Order = {
    ...order,
    status: 'AWAITING_PAYMENT',
    subtotal,
    discount,
    amount: subtotal - discount,
    paymentDeadline: new Date(now.getTime() + paymentWindowMs),
    updatedAt: now,
  };
  return { order: awaiting, outcome: 'AWAITING_PAYMENT' };
}

function pricedForDiscount(line: OrderLine) {
  if (line.sellerId === null || line.unitPrice === null) throw new Error(`line ${line.skuId} was not priced`);
  return { sellerId: line.sellerId, unitPrice: line.unitPrice, quantity: line.quantity };
}

function cancel(order: Order, reason: CancelReason, now: Date): Transition {
  return { order: { ...order, status: 'CANCELLED', cancelReason: reason, updatedAt: now }, outcome: 'CANCELLED' };
}

/** The buyer changes their mind before paying; a repeat of their own cancel is answered as done. */
export function cancelByBuyer(order: Order, now: Date): Transition {
  if (order.status === 'CANCELLED' && order.cancelReason === 'CANCELLED_BY_BUYER') return unchanged(order);
  if (order.status !== 'PENDING' && order.status !== 'AWAITING_PAYMENT') throw OrderErrors.notCancellable(order);
  return cancel(order, 'CANCELLED_BY_BUYER', now);
}

/**
 * Money moved. Only an order still awaiting payment becomes PAID. One that expired first ends
 * CANCELLED (EXPIRED_AFTER_PAYMENT) and is announced again, so payment-service, which took the
 * money, refunds it; one cancelled otherwise stays as it is (its order.cancelled already tells
 * payment-service to give the money back). Never PAID after a cancellation, whatever the order.
 */
export function recordPayment(order: Order, paymentId: string, now: Date): Transition {
  if (order.status === 'AWAITING_PAYMENT')
    return { order: { ...order, status: 'PAID', paymentId, updatedAt: now }, outcome: 'PAID' };
  if (order.status === 'EXPIRED') return cancel({ ...order, paymentId }, 'EXPIRED_AFTER_PAYMENT', now);
  if (order.status === 'PENDING') throw new Error(`payment for order ${order.id} arrived before it was payable`);
  return unchanged(order);
}

/** The deadline passed unpaid; the expiry job calls it on orders it found due and locked. */
export function expire(order: Order, now: Date): Transition {
  if (order.status !== 'AWAITING_PAYMENT' || !order.paymentDeadline || order.paymentDeadline >= now)
    return unchanged(order);
  return { order: { ...order, status: 'EXPIRED', cancelReason: 'EXPIRED', updatedAt: now }, outcome: 'EXPIRED' };
}
