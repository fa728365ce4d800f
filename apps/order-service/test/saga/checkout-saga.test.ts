import type { EventEnvelope } from '@sneakers/kit';
import request from 'supertest';
import { findOrder } from '../../src/order/order.repository';
import { type Caller, type OrderApp, PAYMENT_WINDOW_MS, startOrderApp } from '../support/order-app';
import { outboxOf, typesOf } from '../support/outbox';
import { placeThroughApi } from '../support/place';
import {
  couponRejectedFor,
  couponReservedFor,
  FIXED_3000,
  type PlacedOrder,
  paymentCompletedFor,
  productOf,
  SELLER,
  stockRejectedFor,
  stockReservedFor,
} from '../support/saga-events';

describe('The checkout saga in order-service (reactions on a real database)', () => {
  let app: OrderApp;
  let buyer: Caller;

  beforeAll(async () => {
    app = await startOrderApp();
    buyer = await app.caller('BUYER');
  });
  afterAll(() => app.close());

  const orderOf = (placed: PlacedOrder) => app.runInTransaction((tx) => findOrder(tx, placed.id));
  const deliverAll = async (events: EventEnvelope<unknown>[]) => {
    for (const event of events) await app.deliver(event);
  };
  /** The state a test compares across delivery orders: everything but times. */
  const settled = async (placed: PlacedOrder) => {
    const order = await orderOf(placed);
    const events = await outboxOf(app.prisma, placed.id);
    return {
      status: order?.status,
      subtotal: order?.subtotal,
      discount: order?.discount,
      amount: order?.amount,
      cancelReason: order?.cancelReason,
      events: typesOf(events),
    };
  };

  it('When stock is reserved for an order without coupon, then it awaits payment of the subtotal with a 10-minute deadline', async () => {
    const placed = await placeThroughApi(app, buyer);
    const before = Date.now();

    await app.deliver(stockReservedFor(placed, 10_000));

    const order = await orderOf(placed);
    expect(order).toMatchObject({ status: 'AWAITING_PAYMENT', subtotal: 20_000, discount: 0, amount: 20_000 });
    const deadline = order?.paymentDeadline?.getTime() ?? 0;
    expect(deadline - before).toBeGreaterThanOrEqual(PAYMENT_WINDOW_MS - 1000);
    expect(deadline - Date.now()).toBeLessThanOrEqual(PAYMENT_WINDOW_MS);
    const events = await outboxOf(app.prisma, placed.id);
    expect(typesOf(events)).toEqual(['order.placed', 'order.awaiting-payment']);
    expect(events[1]?.payload).toMatchObject({ subtotal: 20_000, discount: 0, amount: 20_000, buyerId: buyer.userId });
  });

  it.each([
    ['stock first', (p: PlacedOrder) => [stockReservedFor(p), couponReservedFor(p)]],
    ['coupon first', (p: PlacedOrder) => [couponReservedFor(p), stockReservedFor(p)]],
  ])(
    'When stock and coupon are reserved (%s), then the order awaits payment with the discount applied',
    async (_, replies) => {
      const placed = await placeThroughApi(app, buyer, { withCoupon: true });

      await deliverAll(replies(placed));

      expect(await settled(placed)).toEqual({
        status: 'AWAITING_PAYMENT',
        subtotal: 20_000,
        discount: 3_000,
        amount: 17_000,
        cancelReason: null,
        events: ['order.placed', 'order.awaiting-payment'],
      });
    },
  );

  it('When a coupon is reserved but stock not yet, then the order stays PENDING', async () => {
    const placed = await placeThroughApi(app, buyer, { withCoupon: true });
    await app.deliver(couponReservedFor(placed));
    expect((await orderOf(placed))?.status).toBe('PENDING');
  });

  it('When stock is reserved but the coupon has not answered, then the order stays PENDING', async () => {
    const placed = await placeThroughApi(app, buyer, { withCoupon: true });
    await app.deliver(stockReservedFor(placed));
    expect((await orderOf(placed))?.status).toBe('PENDING');
  });

  it.each([
    ['stock rejected', (p: PlacedOrder) => [stockRejectedFor(p)], false, 'OUT_OF_STOCK'],
    [
      'stock rejected, coupon reserved after',
      (p: PlacedOrder) => [stockRejectedFor(p), couponReservedFor(p)],
      true,
      'OUT_OF_STOCK',
    ],
    [
      'coupon reserved, stock rejected after',
      (p: PlacedOrder) => [couponReservedFor(p), stockRejectedFor(p)],
      true,
      'OUT_OF_STOCK',
    ],
    [
      'coupon rejected, stock reserved after',
      (p: PlacedOrder) => [couponRejectedFor(p), stockReservedFor(p)],
      true,
      'COUPON_REJECTED',
    ],
    [
      'stock reserved, coupon rejected after',
      (p: PlacedOrder) => [stockReservedFor(p), couponRejectedFor(p)],
      true,
      'COUPON_REJECTED',
    ],
  ])(
    'When %s, then the order is CANCELLED with its reason and order.cancelled is written once',
    async (_, replies, withCoupon, reason) => {
      const placed = await placeThroughApi(app, buyer, { withCoupon });

      await deliverAll(replies(placed));

      const state = await settled(placed);
      expect(state).toMatchObject({
        status: 'CANCELLED',
        cancelReason: reason,
        events: ['order.placed', 'order.cancelled'],
      });
      const [, cancelled] = await outboxOf(app.prisma, placed.id);
      expect(cancelled?.payload).toMatchObject({
        reason,
        ...(withCoupon ? { userCouponId: placed.userCouponId } : {}),
      });
    },
  );

  it('When the coupon minimum order is not met, then the order is CANCELLED (MIN_ORDER_NOT_MET) in either arrival order', async () => {
    const rule = { ...FIXED_3000, minOrderAmount: 50_000 };
    for (const order of ['stock first', 'coupon first']) {
      const placed = await placeThroughApi(app, buyer, { withCoupon: true });
      const replies = [stockReservedFor(placed), couponReservedFor(placed, rule)];
      await deliverAll(order === 'stock first' ? replies : replies.reverse());
      expect(await settled(placed)).toMatchObject({
        status: 'CANCELLED',
        cancelReason: 'MIN_ORDER_NOT_MET',
        events: ['order.placed', 'order.cancelled'],
      });
    }
  });

  it('When every event is delivered twice (same id, and re-sent with a new id), then the final state is the same', async () => {
    const once = await placeThroughApi(app, buyer, { withCoupon: true });
    const twice = await placeThroughApi(app, buyer, { withCoupon: true });
    const run = async (placed: PlacedOrder, repeat: boolean) => {
      const stock = stockReservedFor(placed);
      const coupon = couponReservedFor(placed);
      const events = repeat
        ? [coupon, stock, coupon, { ...stock, eventId: crypto.randomUUID() }, stock]
        : [coupon, stock];
      await deliverAll(events);
      const pay = paymentCompletedFor(placed, 17_000);
      await deliverAll(repeat ? [pay, pay, { ...pay, eventId: crypto.randomUUID() }] : [pay]);
    };

    await run(once, false);
    await run(twice, true);

    const expected = await settled(once);
    expect(expected).toMatchObject({
      status: 'PAID',
      events: ['order.placed', 'order.awaiting-payment', 'order.paid'],
    });
    expect(await settled(twice)).toEqual(expected);
  });

  it('When a coupon answer names another coupon (or the order has none), then it is ignored', async () => {
    const plain = await placeThroughApi(app, buyer);
    const withCoupon = await placeThroughApi(app, buyer, { withCoupon: true });

    await deliverAll([
      couponReservedFor({ ...plain, userCouponId: crypto.randomUUID() }),
      stockReservedFor(plain),
      couponRejectedFor({ ...withCoupon, userCouponId: crypto.randomUUID() }),
      stockReservedFor(withCoupon),
    ]);

    expect(await settled(plain)).toMatchObject({ status: 'AWAITING_PAYMENT', discount: 0, amount: 20_000 });
    expect(await settled(withCoupon)).toMatchObject({ status: 'PENDING' });
  });

  it('When payment.completed arrives, then the order is PAID and order.paid carries the lines with their product ids', async () => {
    const placed = await placeThroughApi(app, buyer, { withCoupon: true });
    await deliverAll([stockReservedFor(placed), couponReservedFor(placed)]);

    await app.deliver(paymentCompletedFor(placed, 17_000));

    const events = await outboxOf(app.prisma, placed.id);
    expect(typesOf(events)).toEqual(['order.placed', 'order.awaiting-payment', 'order.paid']);
    expect(events[2]?.payload).toMatchObject({
      orderId: placed.id,
      buyerId: buyer.userId,
      amount: 17_000,
      userCouponId: placed.userCouponId,
      lines: placed.lines.map((l) => ({ skuId: l.skuId, quantity: l.quantity, productId: productOf(l.skuId) })),
    });
    expect((await orderOf(placed))?.lines[0]).toMatchObject({ sellerId: SELLER, unitPrice: 10_000 });
  });

  it('When the buyer cancels before paying, then the order is CANCELLED (CANCELLED_BY_BUYER) and a repeat changes nothing', async () => {
    const placed = await placeThroughApi(app, buyer, { withCoupon: true });
    await deliverAll([stockReservedFor(placed), couponReservedFor(placed)]);
    const cancel = () =>
      request(app.server).post(`/orders/${placed.id}/cancel`).set('Authorization', buyer.authorization);

    const first = await cancel();
    const again = await cancel();

    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'CANCELLED', cancelReason: 'CANCELLED_BY_BUYER' });
    expect(again.status).toBe(200);
    const events = await outboxOf(app.prisma, placed.id);
    expect(typesOf(events)).toEqual(['order.placed', 'order.awaiting-payment', 'order.cancelled']);
    expect(events[2]?.payload).toMatchObject({ reason: 'CANCELLED_BY_BUYER', userCouponId: placed.userCouponId });
  });

  it('When the buyer cancels a PENDING order and the stock reply comes later, then it stays CANCELLED', async () => {
    const placed = await placeThroughApi(app, buyer);
    await request(app.server).post(`/orders/${placed.id}/cancel`).set('Authorization', buyer.authorization).expect(200);

    await app.deliver(stockReservedFor(placed));

    expect(await settled(placed)).toMatchObject({ status: 'CANCELLED', events: ['order.placed', 'order.cancelled'] });
  });

  it('When the buyer cancels a paid order, then 409 order/not-cancellable and it stays PAID', async () => {
    const placed = await placeThroughApi(app, buyer);
    await deliverAll([stockReservedFor(placed), paymentCompletedFor(placed, 20_000)]);

    const res = await request(app.server).post(`/orders/${placed.id}/cancel`).set('Authorization', buyer.authorization);

    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      type: 'https://sneakers.example/problems/order/not-cancellable',
      status: 409,
      orderStatus: 'PAID',
    });
    expect((await orderOf(placed))?.status).toBe('PAID');
  });

  it("When another buyer, a seller or nobody cancels someone's order, then 404 / 403 / 401 and nothing changes", async () => {
    const placed = await placeThroughApi(app, buyer);
    const cancel = (authorization?: string) => {
      const req = request(app.server).post(`/orders/${placed.id}/cancel`);
      return authorization ? req.set('Authorization', authorization) : req;
    };

    const statuses = [
      (await cancel((await app.caller('BUYER')).authorization)).status,
      (await cancel((await app.caller('SELLER', 'APPROVED')).authorization)).status,
      (await cancel()).status,
    ];

    expect(statuses).toEqual([404, 403, 401]);
    expect((await orderOf(placed))?.status).toBe('PENDING');
  });

  it('When an order was cancelled and a payment for it still arrives, then it is never PAID', async () => {
    const placed = await placeThroughApi(app, buyer);
    await app.deliver(stockReservedFor(placed));
    await request(app.server).post(`/orders/${placed.id}/cancel`).set('Authorization', buyer.authorization).expect(200);

    await app.deliver(paymentCompletedFor(placed, 20_000));

    expect(await settled(placed)).toMatchObject({
      status: 'CANCELLED',
      events: ['order.placed', 'order.awaiting-payment', 'order.cancelled'],
    });
  });

  it('When the timeline is read, then it lists every step with its time and the event that caused it', async () => {
    const placed = await placeThroughApi(app, buyer, { withCoupon: true });
    const coupon = couponReservedFor(placed);
    const stock = stockReservedFor(placed);
    const pay = paymentCompletedFor(placed, 17_000);
    await deliverAll([coupon, stock, pay]);

    const res = await request(app.server)
      .get(`/orders/${placed.id}/timeline`)
      .set('Authorization', buyer.authorization);
    const other = await request(app.server)
      .get(`/orders/${placed.id}/timeline`)
      .set('Authorization', (await app.caller('BUYER')).authorization);
    const admin = await request(app.server)
      .get(`/orders/${placed.id}/timeline`)
      .set('Authorization', (await app.caller('ADMIN')).authorization);

    expect(res.status).toBe(200);
    expect(
      res.body.steps.map((s: { step: string; causedBy: { type: string; id: string }; emitted: string | null }) => [
        s.step,
        s.causedBy.type,
        s.causedBy.id,
        s.emitted,
      ]),
    ).toEqual([
      ['PLACED', 'request', expect.any(String), 'order.placed'],
      ['COUPON_RESERVED', 'coupon.reserved', coupon.eventId, null],
      ['STOCK_RESERVED', 'stock.reserved', stock.eventId, null],
      ['AWAITING_PAYMENT', 'stock.reserved', stock.eventId, 'order.awaiting-payment'],
      ['PAYMENT_COMPLETED', 'payment.completed', pay.eventId, null],
      ['PAID', 'payment.completed', pay.eventId, 'order.paid'],
    ]);
    expect(res.body.steps[3]).toMatchObject({
      status: 'AWAITING_PAYMENT',
      detail: { subtotal: 20_000, discount: 3_000, amount: 17_000 },
    });
    const times = res.body.steps.map((s: { at: string }) => Date.parse(s.at));
    expect(times).toEqual([...times].sort((a: number, b: number) => a - b));
    expect([other.status, admin.status]).toEqual([404, 200]);
  });
});
