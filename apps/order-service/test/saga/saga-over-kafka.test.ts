import { EventConsumer } from '@sneakers/kit';
import { envelopeMessage, eventually, type PrivateTopic, privateTopic } from '@sneakers/kit/testing';
import { findOrder } from '../../src/order/order.repository';
import type { Tx } from '../../src/prisma';
import { type Caller, logger, type OrderApp, startOrderApp } from '../support/order-app';
import { outboxOf, typesOf } from '../support/outbox';
import { placeThroughApi } from '../support/place';
import { couponReservedFor, paymentCompletedFor, stockRejectedFor, stockReservedFor } from '../support/saga-events';

describe('The saga reactions fed through real Kafka', () => {
  let app: OrderApp;
  let buyer: Caller;
  let bus: PrivateTopic;
  let consumer: EventConsumer<Tx>;

  beforeAll(async () => {
    app = await startOrderApp();
    buyer = await app.caller('BUYER');
    bus = await privateTopic(logger, 'ordertestsaga');
    consumer = new EventConsumer<Tx>({
      kafka: bus.kafka,
      groupId: bus.groupId,
      topics: [bus.topic],
      reactions: app.reactions,
      runInTransaction: app.runInTransaction,
      logger,
    });
    await consumer.start();
    await consumer.waitUntilJoined();
  });
  afterAll(async () => {
    await consumer.stop();
    await bus.close();
    await app.close();
  });

  it('When the replies arrive out of order and each twice, then the orders end as if delivered once in order', async () => {
    const withCoupon = await placeThroughApi(app, buyer, { withCoupon: true });
    const rejected = await placeThroughApi(app, buyer);
    const stock = stockReservedFor(withCoupon);
    const coupon = couponReservedFor(withCoupon);
    const pay = paymentCompletedFor(withCoupon, 17_000);
    const reject = stockRejectedFor(rejected);

    // Coupon first, then stock; every message twice; the payment on another key (its own partition).
    await bus.send(...[coupon, coupon, reject, stock, reject, stock].map(envelopeMessage));
    await eventually(
      'the order awaits payment',
      () => app.runInTransaction((tx) => findOrder(tx, withCoupon.id)),
      (o) => o?.status === 'AWAITING_PAYMENT',
    );
    await bus.send(...[pay, pay].map(envelopeMessage));
    await bus.caughtUp();

    expect(await app.runInTransaction((tx) => findOrder(tx, withCoupon.id))).toMatchObject({
      status: 'PAID',
      amount: 17_000,
      discount: 3_000,
    });
    expect(typesOf(await outboxOf(app.prisma, withCoupon.id))).toEqual([
      'order.placed',
      'order.awaiting-payment',
      'order.paid',
    ]);
    expect(await app.runInTransaction((tx) => findOrder(tx, rejected.id))).toMatchObject({
      status: 'CANCELLED',
      cancelReason: 'OUT_OF_STOCK',
    });
    expect(typesOf(await outboxOf(app.prisma, rejected.id))).toEqual(['order.placed', 'order.cancelled']);
  });
});
