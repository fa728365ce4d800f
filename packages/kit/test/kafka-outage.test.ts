import { eventually, startBroker, stopBroker, uniqueName } from '../src/testing';
import type { CounterWorld } from './support/counter-fixture';
import { createWorld } from './support/world-setup';

// This test stops and restarts a broker, so it gets one of its own: the shared broker stays up.
const PORT = Number(process.env.OUTAGE_KAFKA_PORT ?? 19092);

describe('Kafka outage', () => {
  let world: CounterWorld;
  let cleanUp: () => Promise<void>;

  beforeAll(async () => {
    const { brokers } = await startBroker({ port: PORT });
    ({ world, cleanUp } = await createWorld(brokers));
  }, 180_000);
  afterAll(async () => {
    await cleanUp();
    await stopBroker({ port: PORT });
  }, 120_000);

  it('When Kafka is stopped for a while and restarted, then nothing is lost and the relay resumes by itself', async () => {
    const consumer = world.consumer();
    await consumer.start();
    await consumer.waitUntilJoined();
    await world.relay().start();
    await world.writeEvents(['a', 'b'], 50);
    await eventually(
      'the first 100 effects',
      () => world.effects(),
      (e) => e.total === 100,
    );

    await consumer.stop();
    await stopBroker({ port: PORT });
    await world.writeEvents(['a', 'b', uniqueName('k')], 100); // accepted while Kafka is down
    await new Promise((resolve) => setTimeout(resolve, 3000)); // the relay fails and backs off meanwhile
    expect(await world.unpublished()).toBe(300);

    await startBroker({ port: PORT });
    await eventually(
      'the backlog published',
      () => world.unpublished(),
      (n) => n === 0,
      { timeoutMs: 120_000 },
    );
    await world.consumer().start();
    const effects = await eventually(
      'all 400 effects',
      () => world.effects(),
      (e) => e.total >= 400,
      { timeoutMs: 120_000 },
    );
    expect(effects).toEqual({ total: 400, distinct: 400, outOfOrder: 0 });
  }, 300_000);
});
