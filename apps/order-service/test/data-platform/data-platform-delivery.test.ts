import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { orderPaid } from '@sneakers/contracts';
import type { TransactionRunner } from '@sneakers/kit';
import { envelopeMessage, eventually, type PrivateTopic, privateTopic } from '@sneakers/kit/testing';
import { dataPlatformConsumer } from '../../src/data-platform/data-platform-consumer';
import { type DataPlatformReceiver, startDataPlatformReceiver } from '../../src/data-platform/data-platform-receiver';
import type { Tx } from '../../src/prisma';
import { envelope, logger, type OrderApp, startOrderApp } from '../support/order-app';

/** A port nothing listens on yet: the platform is "down" until a receiver takes it. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

const paid = () => {
  const orderId = randomUUID();
  return envelope(orderPaid, orderId, {
    orderId,
    buyerId: randomUUID(),
    lines: [{ skuId: randomUUID(), productId: randomUUID(), quantity: 1 }],
    amount: 10_000,
    paidAt: new Date().toISOString(),
  });
};

describe('Delivering paid orders to the external data platform (real Kafka)', () => {
  let app: OrderApp;
  let bus: PrivateTopic;
  let receiver: DataPlatformReceiver | undefined;

  beforeAll(async () => {
    app = await startOrderApp();
    bus = await privateTopic(logger, 'ordertestdp');
  });
  afterAll(async () => {
    await receiver?.close();
    await bus.close();
    await app.close();
  });

  async function startDelivering(
    url: string,
    timeoutMs = 1_000,
    runInTransaction: TransactionRunner<Tx> = app.runInTransaction,
  ) {
    const consumer = dataPlatformConsumer({
      kafka: bus.kafka,
      runInTransaction,
      logger,
      target: { url, timeoutMs },
      maxAttempts: 50,
      retryBaseMs: 50,
      groupId: bus.groupId,
      topic: bus.topic,
    });
    await consumer.start();
    await consumer.waitUntilJoined();
    return consumer;
  }

  it('When the platform is down at first and every order.paid is delivered twice, then once it is up it holds each paid order exactly once', async () => {
    const port = await freePort();
    const consumer = await startDelivering(`http://127.0.0.1:${port}/paid-orders`);
    try {
      const events = [paid(), paid(), paid(), paid()];
      await bus.send(...[...events, ...events].map(envelopeMessage));
      // Let a few deliveries fail against the closed port, then bring the platform up.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(await app.prisma.processedEvent.count({ where: { consumer: bus.groupId } })).toBe(0);
      receiver = await startDataPlatformReceiver(port);

      await eventually(
        'every paid order delivered',
        async () => receiver?.deliveries.size ?? 0,
        (n) => n === events.length,
        { timeoutMs: 30_000 },
      );
      await bus.caughtUp();

      expect([...(receiver?.deliveries.keys() ?? [])].sort()).toEqual(events.map((e) => e.payload.orderId).sort());
      expect(receiver?.deliveries.get(events[0]?.payload.orderId ?? '')).toMatchObject({ amount: 10_000 });
      // The inbox swallowed the duplicates: each event was sent to the platform once after it came up.
      expect(receiver?.received()).toBe(events.length);
      expect(await app.prisma.processedEvent.count({ where: { consumer: bus.groupId } })).toBe(events.length);
    } finally {
      await consumer.stop();
    }
  });

  it('When paid orders arrive together, then they are delivered a batch per transaction, not one each', async () => {
    const local = await startDataPlatformReceiver();
    let transactions = 0;
    const counted: TransactionRunner<Tx> = (work) => {
      transactions += 1;
      return app.runInTransaction(work);
    };
    const consumer = await startDelivering(local.url, 1_000, counted);
    try {
      const events = Array.from({ length: 10 }, paid);
      await bus.send(...events.map(envelopeMessage));

      await eventually(
        'every paid order delivered',
        async () => local.deliveries.size,
        (n) => n === events.length,
      );
      expect(local.received()).toBe(events.length);
      // One transaction per partition the ten landed on (the topic has three), one per order before.
      expect(transactions).toBeLessThanOrEqual(3);
    } finally {
      await consumer.stop();
      await local.close();
    }
  });

  it('When the platform does not answer a delivery in time, then it is abandoned and delivered again', async () => {
    let posts = 0;
    const delivered = new Set<string>();
    const slowOnce = createHttpServer((req, res) => {
      posts += 1;
      if (posts === 1) return; // holds the first delivery with no answer
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        delivered.add((JSON.parse(body) as { orderId: string }).orderId);
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => slowOnce.listen(0, '127.0.0.1', resolve));
    const { port } = slowOnce.address() as { port: number };
    const consumer = await startDelivering(`http://127.0.0.1:${port}/paid-orders`, 300);
    try {
      const event = paid();
      const sentAt = Date.now();
      await bus.send(envelopeMessage(event));

      await eventually('the order delivered', async () => delivered.has(event.payload.orderId), Boolean);
      expect(posts).toBe(2);
      expect(Date.now() - sentAt).toBeGreaterThanOrEqual(300);
    } finally {
      await consumer.stop();
      slowOnce.closeAllConnections();
      await new Promise((resolve) => slowOnce.close(resolve));
    }
  });

  it('When the same paid order reaches the receiver twice, then it keeps one', async () => {
    const local = await startDataPlatformReceiver();
    const body = JSON.stringify(paid().payload);
    const post = () => fetch(local.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

    const statuses = [(await post()).status, (await post()).status];
    const listed = (await (await fetch(local.url)).json()) as unknown[];
    await local.close();

    expect(statuses).toEqual([200, 200]);
    expect(listed).toHaveLength(1);
  });
});
