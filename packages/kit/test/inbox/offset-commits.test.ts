import type { Admin, Kafka } from 'kafkajs';
import { eventually } from '../../src/testing';
import type { CounterWorld } from '../support/counter-fixture';
import { createWorld } from '../support/world-setup';

/** Counts the OffsetCommit requests of the consumers `kafka` makes from now on. */
function countOffsetCommits(kafka: Kafka): () => number {
  let commits = 0;
  const makeConsumer = kafka.consumer.bind(kafka);
  kafka.consumer = (config) => {
    const consumer = makeConsumer(config);
    consumer.on(consumer.events.REQUEST, ({ payload }) => {
      if (payload.apiName === 'OffsetCommit') commits++;
    });
    return consumer;
  };
  return () => commits;
}

/** Messages of the group's topic not yet committed, over all partitions. */
async function uncommitted(admin: Admin, world: CounterWorld): Promise<number> {
  const [ends, [committed]] = await Promise.all([
    admin.fetchTopicOffsets(world.topic),
    admin.fetchOffsets({ groupId: world.groupId, topics: [world.topic] }),
  ]);
  const at = new Map(committed?.partitions.map((p) => [p.partition, Math.max(Number(p.offset), 0)]));
  return ends.reduce((sum, end) => sum + Number(end.high) - (at.get(end.partition) ?? 0), 0);
}

describe('Offsets of applied events', () => {
  let world: CounterWorld;
  let cleanUp: () => Promise<void>;
  let admin: Admin;

  beforeEach(async () => {
    ({ world, cleanUp } = await createWorld());
    admin = world.kafka.admin();
    await admin.connect();
  });
  afterEach(async () => {
    await admin.disconnect();
    await cleanUp();
  });

  it('When 12 events arrive one fetch at a time, then their offsets are committed about once a second, not after each fetch, and all of them soon after the last', async () => {
    const commits = countOffsetCommits(world.kafka);
    const consumer = world.consumer();
    await consumer.start();
    await consumer.waitUntilJoined();
    await world.relay().start();

    for (let n = 1; n <= 12; n++) {
      await world.writeEvents([`key-${n % 6}`], 1);
      await eventually(
        `effect ${n}`,
        () => world.effects(),
        (e) => e.total === n,
        { intervalMs: 20 },
      );
    }

    await eventually(
      'every applied offset committed',
      () => uncommitted(admin, world),
      (left) => left === 0,
      { timeoutMs: 3_000 },
    );
    // One per second of the run (a few seconds) at most; committed per fetch, it was at least 12.
    expect(commits()).toBeLessThanOrEqual(6);
  });

  it('When a consumer stops right after applying events, then their offsets are committed before it leaves', async () => {
    const consumer = world.consumer();
    await consumer.start();
    await world.writeEvents(['a', 'b', 'c'], 2);
    await world.relay().start();
    await eventually(
      'the 6 effects',
      () => world.effects(),
      (e) => e.total === 6,
      { intervalMs: 10 },
    );

    await consumer.stop();

    expect(await uncommitted(admin, world)).toBe(0);
  });
});
