import { DeadLetterHeaders, EventHeaders } from '../src';
import { eventually, readTopic } from '../src/testing';
import type { CounterWorld } from './support/counter-fixture';
import { createWorld } from './support/world-setup';

describe('Reactions that take batches', () => {
  let world: CounterWorld;
  let cleanUp: () => Promise<void>;

  beforeEach(async () => {
    ({ world, cleanUp } = await createWorld());
  });
  afterEach(() => cleanUp());

  it('When a backlog reaches a batch reaction, then runs of events share a transaction and every event takes effect once, in order per key', async () => {
    await world.writeEvents(['a', 'b', 'c'], 100);
    await world.publishBacklog();
    await world.consumer({ batched: true }).start();

    const effects = await eventually(
      'all 300 effects',
      () => world.effects(),
      (e) => e.total >= 300,
    );
    expect(effects).toEqual({ total: 300, distinct: 300, outOfOrder: 0 });
    expect(await world.largestBatch()).toBeGreaterThan(1);
  });

  it('When one event of a batch keeps failing, then the others take effect once and only that one is dead-lettered', async () => {
    const ids = await world.writeEvents(['k'], 20);
    await world.publishBacklog();
    await world.consumer({ batched: true, maxAttempts: 2, failWhen: (seq) => seq === 7 }).start();

    const [letter] = await readTopic(world.kafka, world.dlqTopic, 1);
    expect(letter?.message.headers?.[EventHeaders.id]?.toString()).toBe(ids[6]);
    expect(letter?.message.headers?.[DeadLetterHeaders.attempts]?.toString()).toBe('2');
    const effects = await eventually(
      'the other 19 effects',
      () => world.effects(),
      (e) => e.total >= 19,
    );
    expect(effects).toEqual({ total: 19, distinct: 19, outOfOrder: 1 });
  });

  it('When consecutive events may share transactions, then a backlog takes fewer commits and every event still takes effect once, in order per key', async () => {
    await world.writeEvents(['a', 'b', 'c'], 100);
    await world.publishBacklog();
    await world.consumer({ shareTransactions: true }).start();

    const effects = await eventually(
      'all 300 effects',
      () => world.effects(),
      (e) => e.total >= 300,
    );
    expect(effects).toEqual({ total: 300, distinct: 300, outOfOrder: 0 });
    expect(await world.largestBatch()).toBeGreaterThan(1);
  });

  it('When one event of a shared transaction keeps failing, then the others take effect once and only that one is dead-lettered', async () => {
    const ids = await world.writeEvents(['k'], 20);
    await world.publishBacklog();
    await world.consumer({ shareTransactions: true, maxAttempts: 2, failWhen: (seq) => seq === 12 }).start();

    const [letter] = await readTopic(world.kafka, world.dlqTopic, 1);
    expect(letter?.message.headers?.[EventHeaders.id]?.toString()).toBe(ids[11]);
    const effects = await eventually(
      'the other 19 effects',
      () => world.effects(),
      (e) => e.total >= 19,
    );
    expect(effects).toEqual({ total: 19, distinct: 19, outOfOrder: 1 });
  });
});
