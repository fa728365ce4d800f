import { eventually, waitForGroupToCatchUp } from '../src/testing';
import type { CounterWorld } from './support/counter-fixture';
import { createWorld } from './support/world-setup';

describe('Two relays and two consumer instances over 10,000 events', () => {
  let world: CounterWorld;
  let cleanUp: () => Promise<void>;

  beforeAll(async () => {
    ({ world, cleanUp } = await createWorld());
  });
  afterAll(() => cleanUp());

  const KEYS = Array.from({ length: 50 }, (_, i) => `key-${i}`);
  const PER_KEY = 200; // 50 × 200 = 10,000 events

  it('When two relays and two consumers run at once, then every effect happens once and each key is handled in order', async () => {
    const consumers = [world.consumer(), world.consumer()];
    await Promise.all(consumers.map((c) => c.start()));
    await Promise.all(consumers.map((c) => c.waitUntilJoined()));
    // Small batches make the two relays interleave on the same aggregates.
    const relays = [world.relay({ batchSize: 100 }), world.relay({ batchSize: 100 })];
    await Promise.all(relays.map((r) => r.start()));

    await world.writeEvents(KEYS, PER_KEY);

    await eventually(
      'all rows published',
      () => world.unpublished(),
      (n) => n === 0,
      { timeoutMs: 120_000 },
    );
    const effects = await eventually(
      '10,000 effects',
      () => world.effects(),
      (e) => e.total >= 10_000,
      { timeoutMs: 180_000 },
    );
    expect(effects).toEqual({ total: 10_000, distinct: 10_000, outOfOrder: 0 });
  });

  it('When the whole topic is re-consumed from offset 0, then nothing changes', async () => {
    const before = await world.effects();
    await waitForGroupToCatchUp(world.kafka, world.groupId, world.topic);
    await world.stopRunning();

    const admin = world.kafka.admin();
    await admin.connect();
    await admin.resetOffsets({ groupId: world.groupId, topic: world.topic, earliest: true });
    await admin.disconnect();

    const replay = world.consumer();
    await replay.start();
    await replay.waitUntilJoined();
    await waitForGroupToCatchUp(world.kafka, world.groupId, world.topic, 180_000);
    expect(await world.effects()).toEqual(before);
  });
});
