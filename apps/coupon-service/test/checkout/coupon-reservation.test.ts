import { randomUUID } from 'node:crypto';
import {
  createKafka,
  deadLetterTopic,
  EventConsumer,
  ensureTopics,
  orderCancelled,
  orderPaid,
  orderPlaced,
} from '@sneakers/shared';
import { testEnv, uniqueName, waitForGroupToCatchUp } from '@sneakers/shared/testing';
import type { Kafka, Producer } from 'kafkajs';
import request from 'supertest';
import type { Tx } from '../../src/prisma';
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
import { orderMessage } from '../support/order-events';

// A topic of our own rather than the shared order.events, so no other run's orders arrive here.
const topic = `${uniqueName('coupontestorder')}.events`;
const groupId = uniqueName('coupon-service-test');
const SKU = randomUUID();

describe('Coupons in checkout: reactions to order events (real Kafka)', () => {
  let app: CouponApp;
  let kafka: Kafka;
  let producer: Producer;
  let consumer: EventConsumer<Tx>;
  let seller: Caller;
  let policyId: string;

  beforeAll(async () => {
    app = await startCouponApp();
    seller = await app.caller('SELLER', 'APPROVED');
    policyId = await createPolicy(app, seller, policyTerms(new Date(), { validDays: 7, totalQuantity: 1_000 }));
    kafka = createKafka({ clientId: 'coupon-test', brokers: testEnv.kafkaBrokers, logger });
    await ensureTopics(kafka, [
      { topic, numPartitions: 3 },
      { topic: deadLetterTopic(groupId), numPartitions: 1 },
    ]);
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    consumer = new EventConsumer<Tx>({
      kafka,
      groupId,
      topics: [topic],
      reactions,
      runInTransaction: app.runInTransaction,
      logger,
    });
    await consumer.start();
    await consumer.waitUntilJoined();
  });

  afterAll(async () => {
    await consumer.stop();
    await producer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [topic, deadLetterTopic(groupId)] }).catch(() => undefined);
    await admin.disconnect();
    await app.close();
  });

  const deliver = async (...messages: Array<ReturnType<typeof orderMessage>>) => {
    await producer.send({ topic, acks: -1, messages });
    await waitForGroupToCatchUp(kafka, groupId, topic);
  };
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
