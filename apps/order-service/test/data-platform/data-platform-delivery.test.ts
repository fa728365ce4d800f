import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { orderPaid } from '@sneakers/contracts';
import { envelopeMessage, eventually, type PrivateTopic, privateTopic } from '@sneakers/kit/testing';
import { dataPlatformConsumer } from '../../src/data-platform/data-platform-consumer';
import { type DataPlatformReceiver, startDataPlatformReceiver } from '../../src/data-platform/data-platform-receiver';
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

  it('When the platform is down at first and every order.paid is delivered twice, then once it is up it holds each paid order exactly once', async () => {
    const port = await freePort();
    const consumer = dataPlatformConsumer({
      kafka: bus.kafka,
      runInTransaction: app.runInTransaction,
      logger,
      target: { url: `http://127.0.0.1:${port}/paid-orders`, timeoutMs: 1_000 },
      maxAttempts: 50,
      retryBaseMs: 50,
      groupId: bus.groupId,
      topic: bus.topic,
    });
    await consumer.start();
    await consumer.waitUntilJoined();
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
