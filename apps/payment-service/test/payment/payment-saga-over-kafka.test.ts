import { randomUUID } from 'node:crypto';
import {
  createKafka,
  deadLetterTopic,
  EventConsumer,
  type EventEnvelope,
  ensureTopics,
  type OutboxRow,
  toKafkaMessage,
} from '@sneakers/shared';
import { testEnv, uniqueName, waitForGroupToCatchUp } from '@sneakers/shared/testing';
import type { Kafka, Message, Producer } from 'kafkajs';
import request from 'supertest';
import type { Tx } from '../../src/prisma';
import { reactions } from '../../src/reactions';
import { ledgerDisagreements } from '../support/ledger';
import { anOrder, awaitingPayment, cancelled } from '../support/order-events';
import { type Caller, logger, type PaymentApp, startPaymentApp } from '../support/payment-app';
import { moneyTrail, paymentEventsOf } from '../support/payments';

// A topic of our own rather than the shared order.events, so no other run's orders arrive here.
const topic = `${uniqueName('paymenttestorder')}.events`;
const groupId = uniqueName('payment-service-test');

/** The Kafka message the outbox relay would publish for this event (same key and headers). */
function messageOf(event: EventEnvelope<unknown>): Message {
  const row: OutboxRow = {
    id: '1',
    event_id: event.eventId,
    aggregate_type: event.aggregateType,
    aggregate_id: event.aggregateId,
    type: event.type,
    version: event.version,
    payload: JSON.stringify(event.payload),
    headers: {},
    created_at: new Date(event.occurredAt),
  };
  return toKafkaMessage(row, {}).message;
}

describe('The payment side of the checkout saga (real Kafka)', () => {
  let app: PaymentApp;
  let kafka: Kafka;
  let producer: Producer;
  let consumer: EventConsumer<Tx>;

  beforeAll(async () => {
    app = await startPaymentApp();
    kafka = createKafka({ clientId: 'payment-test', brokers: testEnv.kafkaBrokers, logger });
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

  const publish = async (...messages: Message[]) => {
    await producer.send({ topic, acks: -1, messages });
    await waitForGroupToCatchUp(kafka, groupId, topic);
  };
  const pay = (buyer: Caller, orderId: string) =>
    request(app.server)
      .post(`/orders/${orderId}/payment`)
      .set('Authorization', buyer.authorization)
      .set('Idempotency-Key', randomUUID());

  it('When the expiry of a paid order is delivered twice, then the buyer is refunded exactly once', async () => {
    const buyer = await app.caller('BUYER');
    await request(app.server)
      .post('/wallet/charges')
      .set('Authorization', buyer.authorization)
      .send({ amount: 40_000 });
    const order = anOrder(buyer.userId, 25_000);
    await publish(messageOf(awaitingPayment(order)));
    expect((await pay(buyer, order.orderId)).status).toBe(201);

    const expiry = messageOf(cancelled(order, 'EXPIRED'));
    await publish(expiry, expiry);

    expect(await moneyTrail(app.prisma, buyer.userId, order.orderId)).toMatchObject({
      balance: 40_000,
      entries: 3,
      payments: 1,
      events: 2,
    });
    const events = await paymentEventsOf(app.prisma, order.orderId);
    expect(events.map((e) => [e.type, (e.payload as { reason?: string }).reason])).toEqual([
      ['payment.completed', undefined],
      ['payment.refunded', 'EXPIRED_AFTER_PAYMENT'],
    ]);
    expect(await ledgerDisagreements(app.prisma, buyer.userId)).toEqual([]);
  });

  it('When order.cancelled arrives before order.awaiting-payment, then the order cannot be paid', async () => {
    const buyer = await app.caller('BUYER');
    await request(app.server)
      .post('/wallet/charges')
      .set('Authorization', buyer.authorization)
      .send({ amount: 40_000 });
    const order = anOrder(buyer.userId, 25_000);

    await publish(messageOf(cancelled(order, 'OUT_OF_STOCK')), messageOf(awaitingPayment(order)));
    const response = await pay(buyer, order.orderId);

    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'PAYMENT.ORDER_CANCELLED', reason: 'OUT_OF_STOCK' });
    expect(await moneyTrail(app.prisma, buyer.userId, order.orderId)).toMatchObject({
      balance: 40_000,
      payments: 0,
      events: 0,
    });
  });
});
