import { randomUUID } from 'node:crypto';
import {
  createKafka,
  deadLetterTopic,
  EventConsumer,
  type EventContract,
  ensureTopics,
  type OutboxRow,
  orderCancelled,
  orderPlaced,
  type PayloadOf,
  toKafkaMessage,
} from '@sneakers/shared';
import { testEnv, uniqueName, waitForGroupToCatchUp } from '@sneakers/shared/testing';
import type { Kafka, Producer } from 'kafkajs';
import type { Tx } from '../../src/prisma';
import { catalogReactions } from '../../src/reactions';
import { type CatalogDb, logger, startCatalogDb } from '../support/catalog-db';
import { outboxTypes, seedProduct, stockOf } from '../support/seed';

// A topic of our own rather than the shared order.events, so no other run's orders arrive here.
const topic = `${uniqueName('catalogtestorder')}.events`;
const groupId = uniqueName('catalog-service-test');

/** The Kafka message the order-service relay would publish for this event (same headers and key). */
function messageOf<C extends EventContract>(contract: C, payload: PayloadOf<C> & { orderId: string }) {
  const row: OutboxRow = {
    id: '1',
    event_id: randomUUID(),
    aggregate_type: contract.aggregateType,
    aggregate_id: payload.orderId,
    type: contract.type,
    version: contract.version,
    payload: JSON.stringify(payload),
    headers: {},
    created_at: new Date(),
  };
  return toKafkaMessage(row, {}).message;
}

describe('Reserving and releasing stock when order events arrive (real Kafka)', () => {
  let db: CatalogDb;
  let kafka: Kafka;
  let producer: Producer;
  let consumer: EventConsumer<Tx>;

  beforeAll(async () => {
    db = await startCatalogDb();
    kafka = createKafka({ clientId: 'catalog-test', brokers: testEnv.kafkaBrokers, logger });
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
      reactions: catalogReactions({ SALES_TIME_ZONE: 'Asia/Seoul' }),
      runInTransaction: db.runInTransaction,
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
    await db.close();
  });

  const deliver = async (...messages: ReturnType<typeof messageOf>[]) => {
    await producer.send({ topic, acks: -1, messages });
    await waitForGroupToCatchUp(kafka, groupId, topic);
  };

  it('When order.placed is delivered twice and then order.cancelled, then the stock is held once and released', async () => {
    const { skus } = await seedProduct(db.prisma, { stock: 5 });
    const skuId = skus[270] as string;
    const orderId = randomUUID();
    const buyerId = randomUUID();
    const placed = messageOf(orderPlaced, {
      orderId,
      buyerId,
      lines: [{ skuId, quantity: 2 }],
      placedAt: new Date().toISOString(),
    });

    await deliver(placed, placed);
    expect(await stockOf(db.prisma, skuId)).toEqual({ stocked: 5, available: 3, reserved: 2, sold: 0 });

    await deliver(
      messageOf(orderCancelled, { orderId, buyerId, reason: 'EXPIRED', cancelledAt: new Date().toISOString() }),
    );
    expect(await stockOf(db.prisma, skuId)).toEqual({ stocked: 5, available: 5, reserved: 0, sold: 0 });
    expect(await outboxTypes(db.prisma, orderId)).toEqual(['stock.reserved']);
  });
});
