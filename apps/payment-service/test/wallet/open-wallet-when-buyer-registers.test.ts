import { randomUUID } from 'node:crypto';
import {
  createKafka,
  deadLetterTopic,
  EventConsumer,
  ensureTopics,
  type OutboxRow,
  type PayloadOf,
  toKafkaMessage,
  userRegistered,
} from '@sneakers/shared';
import { testEnv, uniqueName, waitForGroupToCatchUp } from '@sneakers/shared/testing';
import type { Kafka, Producer } from 'kafkajs';
import request from 'supertest';
import type { Tx } from '../../src/prisma';
import { reactions } from '../../src/reactions';
import { ledgerState } from '../support/ledger';
import { logger, type PaymentApp, startPaymentApp } from '../support/payment-app';

// A topic of our own rather than the shared user.events, so no other run's users arrive here.
const topic = `${uniqueName('paymenttestuser')}.events`;
const groupId = uniqueName('payment-service-test');

/** The Kafka message the outbox relay would publish for this event (same headers and key). */
function userRegisteredMessage(payload: PayloadOf<typeof userRegistered>) {
  const row: OutboxRow = {
    id: '1',
    event_id: randomUUID(),
    aggregate_type: userRegistered.aggregateType,
    aggregate_id: payload.userId,
    type: userRegistered.type,
    version: userRegistered.version,
    payload: JSON.stringify(payload),
    headers: {},
    created_at: new Date(),
  };
  return toKafkaMessage(row, {}).message;
}

const registration = (role: 'BUYER' | 'SELLER' | 'ADMIN', userId: string = randomUUID()) => ({
  userId,
  email: `${userId}@example.test`,
  role,
  registeredAt: new Date().toISOString(),
});

describe('Opening a wallet when user.registered arrives (real Kafka)', () => {
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

  const deliver = async (...messages: ReturnType<typeof userRegisteredMessage>[]) => {
    await producer.send({ topic, acks: -1, messages });
    await waitForGroupToCatchUp(kafka, groupId, topic);
  };
  const applied = (eventId: string) => app.prisma.processedEvent.count({ where: { consumer: groupId, eventId } });

  it('When a buyer registers and the event is delivered twice, then exactly one empty wallet opens', async () => {
    const buyer = registration('BUYER');
    const message = userRegisteredMessage(buyer);

    await deliver(message, message);

    expect(await ledgerState(app.prisma, buyer.userId)).toEqual({ balance: 0, entries: 0 });
    expect(await app.prisma.wallet.count({ where: { userId: buyer.userId } })).toBe(1);
    expect(await applied(String(message.headers?.['event-id']))).toBe(1);
  });

  it('When a seller or an admin registers, then no wallet opens', async () => {
    const seller = registration('SELLER');
    const admin = registration('ADMIN');

    await deliver(userRegisteredMessage(seller), userRegisteredMessage(admin));

    expect(await app.prisma.wallet.count({ where: { userId: { in: [seller.userId, admin.userId] } } })).toBe(0);
  });

  it('When a buyer charged before their event arrived, then the late event keeps the one wallet and its balance', async () => {
    const buyer = await app.caller('BUYER');
    await request(app.server).post('/wallet/charges').set('Authorization', buyer.authorization).send({ amount: 3_000 });

    await deliver(userRegisteredMessage(registration('BUYER', buyer.userId)));

    expect(await ledgerState(app.prisma, buyer.userId)).toEqual({ balance: 3_000, entries: 1 });
  });
});
