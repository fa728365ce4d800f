import type { Admin } from 'kafkajs';
import { eventually, startBroker, stopBroker } from '../src/testing';
import type { CounterWorld } from './support/counter-fixture';
import { createWorld } from './support/world-setup';

// This test stops and restarts a broker, so it gets one of its own: the shared broker stays up.
const PORT = Number(process.env.RESTART_KAFKA_PORT ?? 19094);
// Longer than kafkajs's own retries (8 tries, about 20 s), so the consumer crashes and must come back.
const OUTAGE_MS = Number(process.env.KAFKA_OUTAGE_MS ?? 30_000);

describe('Kafka broker gone and back', () => {
  let world: CounterWorld;
  let cleanUp: () => Promise<void>;
  let admin: Admin;

  beforeAll(async () => {
    const { brokers } = await startBroker({ port: PORT, fresh: true });
    ({ world, cleanUp } = await createWorld(brokers));
    admin = world.kafka.admin();
    await admin.connect();
  }, 180_000);
  afterAll(async () => {
    await admin.disconnect();
    await cleanUp();
    await stopBroker({ port: PORT });
  }, 120_000);

  it('When the broker is stopped for a while and restarted as a new process, then the running consumer, relay and admin resume by themselves', async () => {
    const consumer = world.consumer();
    await consumer.start();
    await consumer.waitUntilJoined();
    await world.relay().start();
    await world.writeEvents(['a', 'b'], 5);
    await eventually(
      'the first effects',
      () => world.effects(),
      (e) => e.total === 10,
    );

    await stopBroker({ port: PORT });
    await world.writeEvents(['a', 'b'], 5); // accepted while Kafka is down
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    await expect(admin.describeCluster()).rejects.toThrow();

    await startBroker({ port: PORT });
    const back = Date.now();
    await eventually(
      'the admin answering',
      () =>
        admin.describeCluster().then(
          () => true,
          () => false,
        ),
      Boolean,
      {
        timeoutMs: 10_000,
      },
    );
    expect(Date.now() - back).toBeLessThan(10_000); // readiness asks this admin
    await world.writeEvents(['a', 'b'], 5); // written after the broker returned
    const effects = await eventually(
      'every effect',
      () => world.effects(),
      (e) => e.total >= 30,
      {
        timeoutMs: 60_000,
      },
    );
    // The relay's and the crashed consumer's back-off (at most 5 s each) bound it: 11 s measured.
    expect(Date.now() - back).toBeLessThan(20_000);
    expect(effects).toEqual({ total: 30, distinct: 30, outOfOrder: 0 });
  }, 180_000);
});
