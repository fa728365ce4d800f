import { randomUUID } from 'node:crypto';
import { orderCancelled, orderPaid, orderPlaced } from '@sneakers/contracts';
import type { EventContract, PayloadOf } from '@sneakers/kit';
import { messageOf, type ReactionHarness, startReactionHarness } from '@sneakers/kit/testing';
import type { Message } from 'kafkajs';
import request from 'supertest';
import { reactions } from '../../src/reactions';
import {
  type Caller,
  type CouponApp,
  createPolicy,
  HOUR,
  logger,
  policyTerms,
  startCouponApp,
} from '../support/coupon-app';

/** An order event as order-service's relay publishes it (keyed by the order). */
const orderMessage = <C extends EventContract>(contract: C, payload: PayloadOf<C> & { orderId: string }) =>
  messageOf(contract, payload.orderId, payload);
const SKU = randomUUID();

describe('Coupons in checkout: reactions to order events (real Kafka)', () => {
  let app: CouponApp;
  let harness: ReactionHarness;
  let seller: Caller;
  let policyId: string;

  beforeAll(async () => {
    app = await startCouponApp();
    seller = await app.caller('SELLER', 'APPROVED');
    policyId = await createPolicy(app, seller, policyTerms(new Date(), { validDays: 7, totalQuantity: 1_000 }));
    harness = await startReactionHarness({ reactions, runInTransaction: app.runInTransaction, logger });
  });

  afterAll(async () => {
    await harness.stop();
    await app.close();
  });

  const deliver = (...messages: Message[]) => harness.deliver(...messages);
  /** A buyer holding one freshly claimed coupon. */
  const buyerWithCoupon = async () => {
    const buyer = await app.caller('BUYER');
    const claimed = await request(app.server)
      .post(`/coupon-policies/${policyId}/claims`)
      .set('Authorization', buyer.authorization);
    return { buyerId: buyer.userId, couponId: claimed.body.id as string };
  };
  const placed = (
    buyerId: string,
    userCouponId: string | undefined,
    orderId: string = randomUUID(),
    placedAt = new Date(),
  ) =>
    orderMessage(orderPlaced, {
      orderId,
      buyerId,
      lines: [{ skuId: SKU, quantity: 1 }],
      ...(userCouponId ? { userCouponId } : {}),
      placedAt: placedAt.toISOString(),
    });
  const cancelled = (orderId: string, buyerId: string, userCouponId: string) =>
    orderMessage(orderCancelled, {
      orderId,
      buyerId,
      userCouponId,
      reason: 'CANCELLED_BY_BUYER',
      cancelledAt: new Date().toISOString(),
    });
  const paid = (orderId: string, buyerId: string, userCouponId: string) =>
    orderMessage(orderPaid, {
      orderId,
      buyerId,
      lines: [{ skuId: SKU, productId: randomUUID(), quantity: 1 }],
      userCouponId,
      amount: 90_000,
      paidAt: new Date().toISOString(),
    });
  const orderIdOf = (message: ReturnType<typeof orderMessage>) => String(message.key);
  const couponEvents = async (orderId: string) =>
    (await app.prisma.outboxEvent.findMany({ orderBy: { id: 'asc' } }))
      .filter((e) => (e.payload as { orderId?: string }).orderId === orderId)
      .map((e) => ({ type: e.type, aggregateType: e.aggregateType, payload: e.payload }));
  const coupon = (id: string) => app.prisma.userCoupon.findUniqueOrThrow({ where: { id } });

  it('When order.placed names the buyer’s AVAILABLE coupon (delivered twice), then it is RESERVED for the order and one coupon.reserved carries the rule snapshot', async () => {
    const { buyerId, couponId } = await buyerWithCoupon();
    const message = placed(buyerId, couponId);

    await deliver(message, message);

    expect(await coupon(couponId)).toMatchObject({ status: 'RESERVED', orderId: orderIdOf(message) });
    expect(await couponEvents(orderIdOf(message))).toEqual([
      {
        type: 'coupon.reserved',
        aggregateType: 'coupon',
        payload: expect.objectContaining({
          orderId: orderIdOf(message),
          userCouponId: couponId,
          buyerId,
          rule: { type: 'PERCENT', value: 10, maxDiscount: 20_000, minOrderAmount: 50_000, sellerId: seller.userId },
        }),
      },
    ]);
  });

  it.each([
    ['someone else’s coupon', 'NOT_OWNER'],
    ['an unknown coupon', 'NOT_FOUND'],
    ['a coupon already reserved for another order', 'NOT_AVAILABLE'],
    ['a coupon that expired before the order was placed', 'EXPIRED'],
  ])('When order.placed names %s, then coupon.rejected %s and the coupon is untouched', async (what, reason) => {
    const { buyerId, couponId } = await buyerWithCoupon();
    let message = placed(buyerId, couponId);
    if (what.startsWith('someone')) message = placed(randomUUID(), couponId);
    if (what.startsWith('an unknown')) message = placed(buyerId, randomUUID());
    if (what.includes('another order')) await deliver(placed(buyerId, couponId));
    if (what.includes('expired'))
      message = placed(buyerId, couponId, randomUUID(), new Date(Date.now() + 8 * 24 * HOUR));
    const before = await coupon(couponId);

    await deliver(message);

    expect(
      (await couponEvents(orderIdOf(message))).map((e) => [e.type, (e.payload as { reason?: string }).reason]),
    ).toEqual([['coupon.rejected', reason]]);
    expect(await coupon(couponId)).toEqual(before);
  });

  it('When the order is cancelled (twice), then the coupon is AVAILABLE again and a new order can reserve it', async () => {
    const { buyerId, couponId } = await buyerWithCoupon();
    const first = placed(buyerId, couponId);
    await deliver(first);

    const cancel = cancelled(orderIdOf(first), buyerId, couponId);
    await deliver(cancel, cancel);
    const afterCancel = await coupon(couponId);
    const second = placed(buyerId, couponId);
    await deliver(second);

    expect(afterCancel).toMatchObject({ status: 'AVAILABLE', orderId: null });
    expect(await coupon(couponId)).toMatchObject({ status: 'RESERVED', orderId: orderIdOf(second) });
  });

  it('When the order is paid (twice), then the coupon is USED; a later cancel or a replayed order.placed changes nothing', async () => {
    const { buyerId, couponId } = await buyerWithCoupon();
    const order = placed(buyerId, couponId);
    await deliver(order);

    const pay = paid(orderIdOf(order), buyerId, couponId);
    await deliver(pay, pay);
    await deliver(cancelled(orderIdOf(order), buyerId, couponId), placed(buyerId, couponId, orderIdOf(order)));

    expect(await coupon(couponId)).toMatchObject({ status: 'USED', orderId: orderIdOf(order) });
    expect((await couponEvents(orderIdOf(order))).map((e) => e.type)).toEqual(['coupon.reserved']);
  });

  it('When order.cancelled arrives before its order.placed (a replay), then the late order.placed holds nothing and answers nothing', async () => {
    const { buyerId, couponId } = await buyerWithCoupon();
    const orderId = randomUUID();

    await deliver(cancelled(orderId, buyerId, couponId));
    await deliver(placed(buyerId, couponId, orderId));

    expect(await coupon(couponId)).toMatchObject({ status: 'AVAILABLE', orderId: null });
    expect(await couponEvents(orderId)).toEqual([]);
  });

  it('When order.placed names no coupon, then nothing happens', async () => {
    const message = placed(randomUUID(), undefined);

    await deliver(message);

    expect(await couponEvents(orderIdOf(message))).toEqual([]);
  });
});
