import type { DiscountRule } from '@sneakers/contracts/discount';
import {
  cancelByBuyer,
  expire,
  type Order,
  placeOrder,
  recordCouponRejected,
  recordCouponReserved,
  recordPayment,
  recordStockRejected,
  recordStockReserved,
  type Transition,
} from '../../src/order/domain/order';

// The pure aggregate, without PostgreSQL: every transition from every state it may meet.

const NOW = new Date('2026-12-06T12:00:00Z');
const LATER = new Date('2026-12-06T12:05:00Z');
const SETTLE = { now: NOW, paymentWindowMs: 15 * 60_000 };
const DEADLINE = new Date(NOW.getTime() + SETTLE.paymentWindowMs);
const SELLER = '00000000-0000-4000-8000-00000000000a';
const OTHER_SELLER = '00000000-0000-4000-8000-00000000000b';
const COUPON = 'coupon-1';
const SKU = 'sku-1';
const PRICED = [{ skuId: SKU, productId: 'product-1', sellerId: SELLER, quantity: 2, unitPrice: 10_000 }];

const fixed = (value: number, over: Partial<DiscountRule> = {}): DiscountRule => ({
  type: 'FIXED',
  value,
  maxDiscount: null,
  minOrderAmount: 0,
  sellerId: SELLER,
  ...over,
});

const pending = (userCouponId?: string): Order =>
  placeOrder({ id: 'order-1', buyerId: 'buyer-1', lines: [{ skuId: SKU, quantity: 2 }], userCouponId, now: NOW });

/** An order as it stands after the given transitions, each applied to the result of the last. */
const after = (order: Order, ...steps: Array<(order: Order) => Transition>): Order =>
  steps.reduce((current, step) => step(current).order, order);

const stockReserved = (order: Order) => recordStockReserved(order, PRICED, 20_000, SETTLE);
const couponReserved = (rule: DiscountRule) => (order: Order) => recordCouponReserved(order, COUPON, rule, SETTLE);
const buyerCancels = (order: Order) => cancelByBuyer(order, NOW);
const paid = (order: Order) => recordPayment(order, 'payment-1', NOW);
const expired = (order: Order) => expire(order, new Date(DEADLINE.getTime() + 1));

const awaitingPayment = () => after(pending(), stockReserved);

describe('placeOrder', () => {
  it('When an order is placed, then it is PENDING with nothing priced yet', () => {
    expect(pending(COUPON)).toMatchObject({
      status: 'PENDING',
      userCouponId: COUPON,
      lines: [{ skuId: SKU, quantity: 2, productId: null, sellerId: null, unitPrice: null }],
      stock: null,
      coupon: null,
      amount: null,
      cancelReason: null,
      placedAt: NOW,
    });
  });
});

describe('the stock and coupon answers settle a PENDING order', () => {
  it.each<[string, Order, (order: Order) => Transition, Partial<Order>, Transition['outcome']]>([
    [
      'stock reserved, no coupon: awaiting payment of the subtotal',
      pending(),
      stockReserved,
      { status: 'AWAITING_PAYMENT', subtotal: 20_000, discount: 0, amount: 20_000, paymentDeadline: DEADLINE },
      'AWAITING_PAYMENT',
    ],
    [
      'stock reserved, coupon not answered yet: still pending',
      pending(COUPON),
      stockReserved,
      { status: 'PENDING', stock: { outcome: 'RESERVED', subtotal: 20_000 }, amount: null },
      null,
    ],
    [
      'coupon reserved, stock not answered yet: still pending',
      pending(COUPON),
      couponReserved(fixed(1_000)),
      { status: 'PENDING', coupon: { outcome: 'RESERVED', rule: fixed(1_000) } },
      null,
    ],
    [
      'coupon reserved after the stock: the discount comes off',
      after(pending(COUPON), stockReserved),
      couponReserved(fixed(1_000)),
      { status: 'AWAITING_PAYMENT', subtotal: 20_000, discount: 1_000, amount: 19_000 },
      'AWAITING_PAYMENT',
    ],
    [
      'stock reserved after the coupon: the discount comes off',
      after(pending(COUPON), couponReserved(fixed(1_000))),
      stockReserved,
      { status: 'AWAITING_PAYMENT', discount: 1_000, amount: 19_000 },
      'AWAITING_PAYMENT',
    ],
    [
      'a PERCENT coupon: capped at its maxDiscount',
      after(pending(COUPON), stockReserved),
      couponReserved({ ...fixed(15), type: 'PERCENT', maxDiscount: 2_500 }),
      { status: 'AWAITING_PAYMENT', discount: 2_500, amount: 17_500 },
      'AWAITING_PAYMENT',
    ],
    [
      "a coupon whose minimum the seller's lines miss: cancelled MIN_ORDER_NOT_MET",
      after(pending(COUPON), stockReserved),
      couponReserved(fixed(1_000, { minOrderAmount: 30_000 })),
      { status: 'CANCELLED', cancelReason: 'MIN_ORDER_NOT_MET', amount: null },
      'CANCELLED',
    ],
    [
      "another seller's coupon: cancelled COUPON_REJECTED",
      after(pending(COUPON), stockReserved),
      couponReserved(fixed(1_000, { sellerId: OTHER_SELLER })),
      { status: 'CANCELLED', cancelReason: 'COUPON_REJECTED' },
      'CANCELLED',
    ],
    [
      'stock rejected: cancelled at once with its reason',
      pending(COUPON),
      (order) => recordStockRejected(order, 'OUT_OF_STOCK', SETTLE),
      { status: 'CANCELLED', cancelReason: 'OUT_OF_STOCK', stock: { outcome: 'REJECTED', reason: 'OUT_OF_STOCK' } },
      'CANCELLED',
    ],
    [
      'coupon rejected: cancelled at once, without waiting for the stock',
      pending(COUPON),
      (order) => recordCouponRejected(order, COUPON, SETTLE),
      { status: 'CANCELLED', cancelReason: 'COUPON_REJECTED', coupon: { outcome: 'REJECTED' } },
      'CANCELLED',
    ],
  ])('When %s', (_, order, transition, expected, outcome) => {
    const next = transition(order);

    expect(next.outcome).toBe(outcome);
    expect(next.order).toMatchObject(expected);
    expect(next.order).not.toBe(order);
  });

  it('When the stock is reserved, then each line carries its product, seller and price', () => {
    expect(stockReserved(pending()).order.lines).toEqual(PRICED);
  });
});

describe('an answer the order already has, or that is not about it, changes nothing', () => {
  // advanceOrder saves and records a step only when the transition returns another object.
  it.each<[string, Order, (order: Order) => Transition]>([
    ['stock reserved twice', after(pending(COUPON), stockReserved), stockReserved],
    ['stock rejected after it was reserved', awaitingPayment(), (o) => recordStockRejected(o, 'OUT_OF_STOCK', SETTLE)],
    ['coupon reserved twice', after(pending(COUPON), couponReserved(fixed(1))), couponReserved(fixed(1))],
    [
      'a stray coupon answer (not the order’s coupon)',
      pending(COUPON),
      (o) => recordCouponRejected(o, 'other', SETTLE),
    ],
    ['a coupon answer for an order without a coupon', pending(), couponReserved(fixed(1))],
    ['the buyer cancels twice', after(pending(), buyerCancels), buyerCancels],
    ['a payment for a PAID order', after(awaitingPayment(), paid), paid],
    ['a payment for a CANCELLED order', after(pending(), buyerCancels), paid],
    ['expiry before the deadline', awaitingPayment(), (o) => expire(o, LATER)],
    ['expiry at the deadline exactly', awaitingPayment(), (o) => expire(o, DEADLINE)],
    ['expiry of a PENDING order', pending(), expired],
    ['expiry of a PAID order', after(awaitingPayment(), paid), expired],
  ])('When %s, then the very same order comes back with no outcome', (_, order, transition) => {
    expect(transition(order)).toEqual({ order, outcome: null });
    expect(transition(order).order).toBe(order);
  });
});

describe('an answer that comes after the order was settled', () => {
  it('When the stock reply reaches an order the buyer cancelled, then it is kept, the order stays CANCELLED and nothing is announced', () => {
    const cancelled = after(pending(), buyerCancels);

    const late = stockReserved(cancelled);

    // A new fact for the timeline (saved once), not an outcome: no event, no status change.
    expect(late.outcome).toBeNull();
    expect(late.order).toMatchObject({
      status: 'CANCELLED',
      cancelReason: 'CANCELLED_BY_BUYER',
      stock: { outcome: 'RESERVED', subtotal: 20_000 },
      amount: null,
    });
    expect(stockReserved(late.order).order).toBe(late.order);
  });
});

describe('cancelByBuyer', () => {
  it.each<[string, Order]>([
    ['PENDING', pending()],
    ['AWAITING_PAYMENT', awaitingPayment()],
  ])('When the buyer cancels an order that is %s, then it is CANCELLED_BY_BUYER and announced', (_, order) => {
    const next = cancelByBuyer(order, LATER);

    expect(next.outcome).toBe('CANCELLED');
    expect(next.order).toMatchObject({ status: 'CANCELLED', cancelReason: 'CANCELLED_BY_BUYER', updatedAt: LATER });
  });

  it.each<[string, Order]>([
    ['PAID', after(awaitingPayment(), paid)],
    ['EXPIRED', after(awaitingPayment(), expired)],
    ['CANCELLED for another reason', after(pending(), (o) => recordStockRejected(o, 'UNKNOWN_SKU', SETTLE))],
  ])('When the buyer cancels an order that is %s, then ORDER.NOT_CANCELLABLE (409)', (_, order) => {
    expect(() => cancelByBuyer(order, NOW)).toThrow(
      expect.objectContaining({ code: 'ORDER.NOT_CANCELLABLE', status: 409 }),
    );
  });
});

describe('recordPayment', () => {
  it('When an order awaiting payment is paid, then it is PAID with the payment id', () => {
    const next = recordPayment(awaitingPayment(), 'payment-1', LATER);

    expect(next.outcome).toBe('PAID');
    expect(next.order).toMatchObject({ status: 'PAID', paymentId: 'payment-1', updatedAt: LATER });
  });

  it('When a payment reaches an order that expired, then it is CANCELLED EXPIRED_AFTER_PAYMENT (so it is refunded)', () => {
    const next = recordPayment(after(awaitingPayment(), expired), 'payment-1', LATER);

    expect(next.outcome).toBe('CANCELLED');
    expect(next.order).toMatchObject({
      status: 'CANCELLED',
      cancelReason: 'EXPIRED_AFTER_PAYMENT',
      paymentId: 'payment-1',
    });
  });

  it('When a payment reaches a PENDING order, then it throws (payment-service takes money only for payable orders)', () => {
    expect(() => recordPayment(pending(), 'payment-1', NOW)).toThrow('arrived before it was payable');
  });
});

describe('expire', () => {
  it('When the deadline of an order awaiting payment has passed, then it is EXPIRED and announced', () => {
    const next = expired(awaitingPayment());

    expect(next.outcome).toBe('EXPIRED');
    expect(next.order).toMatchObject({ status: 'EXPIRED', cancelReason: 'EXPIRED' });
  });
});
