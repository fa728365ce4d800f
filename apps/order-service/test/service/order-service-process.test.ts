import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { createKafka, eventTopic } from '@sneakers/kit';
import {
  createTestDatabase,
  createTestTokens,
  envelopeMessage,
  eventually,
  readTopic,
  startBroker,
  startService,
  stopBroker,
  type TestDatabase,
} from '@sneakers/kit/testing';
import type { Kafka, Producer } from 'kafkajs';
import { type DataPlatformReceiver, startDataPlatformReceiver } from '../../src/data-platform/data-platform-receiver';
import { logger } from '../support/order-app';
import { paymentCompletedFor, stockReservedFor } from '../support/saga-events';

// A private broker: the service consumes as group `order-service` and publishes to order.events,
// which must not touch the shared broker's real group offsets or topics.
const BROKER_PORT = 19196;
const SERVICE_PORT = 13904;

describe('order-service as a process (main.ts: consumers, relay, expiry job, data platform)', () => {
  let database: TestDatabase;
  let jwks: Server;
  let receiver: DataPlatformReceiver;
  let service: { stop: () => Promise<void> };
  let kafka: Kafka;
  let producer: Producer;
  const tokens = createTestTokens();
  const base = `http://127.0.0.1:${SERVICE_PORT}`;

  beforeAll(async () => {
    const { brokers } = await startBroker({ port: BROKER_PORT, fresh: true });
    database = await createTestDatabase(path.resolve(__dirname, '../..'));
    const keys = (await tokens).jwks;
    jwks = createServer((_, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(keys)),
    );
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const jwksPort = (jwks.address() as { port: number }).port;
    receiver = await startDataPlatformReceiver();
    service = await startService(
      'apps/order-service',
      {
        PORT: String(SERVICE_PORT),
        DATABASE_URL: database.url,
        KAFKA_BROKERS: brokers.join(','),
        JWKS_URL: `http://127.0.0.1:${jwksPort}/jwks.json`,
        DATA_PLATFORM_URL: receiver.url,
        ORDER_PAYMENT_WINDOW_MS: '1000',
        ORDER_EXPIRY_INTERVAL_MS: '100',
        ORDER_EXPIRY_GRACE_MS: '500',
      },
      `${base}/health/ready`,
    );
    kafka = createKafka({ clientId: 'order-process-test', brokers, logger });
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
  }, 180_000);

  afterAll(async () => {
    await producer?.disconnect();
    await service?.stop();
    await receiver?.close();
    await new Promise((resolve) => jwks?.close(resolve));
    await database?.drop();
    await stopBroker({ port: BROKER_PORT });
  }, 120_000);

  it('When one order is paid and another is left unpaid, then the first is PAID and delivered to the platform once, the second EXPIRED with one order.cancelled', async () => {
    const buyerId = crypto.randomUUID();
    const authorization = `Bearer ${await (await tokens).sign({ userId: buyerId, role: 'BUYER' })}`;
    const place = async () => {
      const lines = [{ skuId: crypto.randomUUID(), quantity: 1 }];
      const res = await fetch(`${base}/orders`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify({ lines }),
      });
      expect(res.status).toBe(202);
      const { id } = (await res.json()) as { id: string };
      return { id, buyerId, lines, userCouponId: null };
    };
    const paid = await place();
    const unpaid = await place();

    await producer.send({
      topic: eventTopic('stock'),
      acks: -1,
      messages: [envelopeMessage(stockReservedFor(paid)), envelopeMessage(stockReservedFor(unpaid))],
    });
    // Prefer: wait answers as soon as the stock reply settled the order (LISTEN/NOTIFY).
    const settled = await fetch(`${base}/orders/${paid.id}`, { headers: { authorization, prefer: 'wait=10' } });
    expect(((await settled.json()) as { status: string }).status).toBe('AWAITING_PAYMENT');
    await producer.send({
      topic: eventTopic('payment'),
      acks: -1,
      messages: [envelopeMessage(paymentCompletedFor(paid, 10_000))],
    });

    const statusOf = async (id: string) =>
      ((await (await fetch(`${base}/orders/${id}`, { headers: { authorization } })).json()) as { status: string })
        .status;
    await eventually(
      'the paid order',
      () => statusOf(paid.id),
      (s) => s === 'PAID',
      { timeoutMs: 30_000 },
    );
    await eventually(
      'the unpaid order',
      () => statusOf(unpaid.id),
      (s) => s === 'EXPIRED',
      { timeoutMs: 30_000 },
    );
    await eventually(
      'the delivery',
      async () => receiver.deliveries.size,
      (n) => n === 1,
      { timeoutMs: 30_000 },
    );

    expect(receiver.deliveries.get(paid.id)).toMatchObject({ orderId: paid.id, amount: 10_000 });
    const published = await readTopic(kafka, eventTopic('order'), 6);
    const summary = published.map(({ message }) => [
      message.key?.toString(),
      message.headers?.['event-type']?.toString(),
      JSON.parse(message.value?.toString() ?? '{}').reason,
    ]);
    expect(summary.filter(([key]) => key === unpaid.id)).toEqual([
      [unpaid.id, 'order.placed', undefined],
      [unpaid.id, 'order.awaiting-payment', undefined],
      [unpaid.id, 'order.cancelled', 'EXPIRED'],
    ]);
    expect(summary.filter(([key]) => key === paid.id).map(([, type]) => type)).toEqual([
      'order.placed',
      'order.awaiting-payment',
      'order.paid',
    ]);
  });
});
