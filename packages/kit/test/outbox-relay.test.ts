import type { PoolClient } from 'pg';
import { EventHeaders, writeOutboxEvent } from '../src';
import { eventually, readTopic } from '../src/testing';
import type { CounterWorld } from './support/counter-fixture';
import { createWorld } from './support/world-setup';

describe('Outbox relay (real PostgreSQL + Kafka)', () => {
  let world: CounterWorld;
  let cleanUp: () => Promise<void>;
  let otherRelays: PoolClient[];

  beforeEach(async () => {
    ({ world, cleanUp } = await createWorld());
    otherRelays = [];
  });
  afterEach(async () => {
    for (const other of otherRelays) other.release();
    await cleanUp();
  });

  /**
   * Another relay holding the outbox rows `which` selects, until it dies: its transaction rolls
   * back and the rows are free again, with no NOTIFY.
   */
  async function anotherRelayHolding(which: string, ...params: string[]): Promise<{ dies: () => Promise<void> }> {
    const other = await world.pool.connect();
    otherRelays.push(other);
    await other.query('BEGIN');
    await other.query(`SELECT id FROM outbox ${which} FOR UPDATE`, params);
    return { dies: async () => void (await other.query('ROLLBACK')) };
  }

  it('When the writing transaction rolls back, then its event is never published', async () => {
    let rolledBackId = '';
    await expect(
      world.prisma.$transaction(async (tx) => {
        rolledBackId = await writeOutboxEvent(tx, world.contracts.incremented, {
          aggregateId: 'k',
          payload: { seq: 1 },
        });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    const [markerId] = await world.writeEvents(['k'], 1);

    await world.relay().start();
    const messages = await readTopic(world.kafka, world.topic, 1);
    await new Promise((resolve) => setTimeout(resolve, 500)); // room for a wrongly published extra

    const published = messages.map((m) => m.message.headers?.[EventHeaders.id]?.toString());
    expect(published).toEqual([markerId]);
    expect(published).not.toContain(rolledBackId);
    expect(await world.unpublished()).toBe(0);
  });

  it('When the relay dies after Kafka acknowledged but before marking the row, then the effect still happens exactly once', async () => {
    const [eventId] = await world.writeEvents(['k'], 1);
    let killed = false;
    const crashing = world.relay({
      afterPublish: () => {
        killed = true; // the broker has it, and the relay dies before marking the row
        void crashing.stop();
        throw new Error('relay killed between ack and mark');
      },
    });
    await crashing.start();
    await eventually(
      'the crash',
      async () => killed,
      (k) => k,
    );
    await crashing.stop();
    expect(await world.unpublished()).toBe(1);

    await world.relay().start(); // a restarted relay publishes the same row again
    const copies = await readTopic(world.kafka, world.topic, 2);
    expect(copies.map((m) => m.message.headers?.[EventHeaders.id]?.toString())).toEqual([eventId, eventId]);

    const consumer = world.consumer();
    await consumer.start();
    await eventually(
      'unpublished rows to drain',
      () => world.unpublished(),
      (n) => n === 0,
    );
    await eventually(
      'the effect',
      () => world.effects(),
      (e) => e.total >= 1,
    );
    await new Promise((resolve) => setTimeout(resolve, 1000)); // the duplicate has arrived by now
    expect(await world.effects()).toEqual({ total: 1, distinct: 1, outOfOrder: 0 });
  });

  it('When another relay holds the middle event of an aggregate, then this relay publishes only the events before it', async () => {
    const [first, middle, last] = await world.writeEvents(['k'], 3);
    const otherRelay = await anotherRelayHolding('WHERE event_id = $1', middle as string);

    const published: string[] = [];
    const relay = world.relay({
      wakeOnNotify: false,
      pollIntervalMs: 60_000, // one round at start, then the test drives it
      afterPublish: (rows) => void published.push(...rows.map((r) => r.event_id)),
    });
    await relay.start();
    await eventually(
      'the first round',
      async () => published.length,
      (n) => n > 0,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(published).toEqual([first]); // never `last` ahead of `middle`

    await otherRelay.dies(); // without publishing
    await relay.publishBatch();
    expect(published).toEqual([first, middle, last]);
  });

  it('When it listens and nothing is written, then it looks for rows only at its listening interval, not its poll interval', async () => {
    await world.relay({ pollIntervalMs: 100, listeningPollIntervalMs: 60_000 }).start();
    await new Promise((resolve) => setTimeout(resolve, 300)); // past its rounds at start
    const rounds = jest.spyOn(world.pool, 'connect');

    await new Promise((resolve) => setTimeout(resolve, 1000));

    expect(rounds).not.toHaveBeenCalled();
  });

  it('When another relay holds older rows of an aggregate, then it comes back for the rest at its poll interval, listening or not', async () => {
    const [first, middle, last] = await world.writeEvents(['k'], 3);
    const otherRelay = await anotherRelayHolding('WHERE event_id = $1', middle as string);
    const published: string[] = [];
    await world
      .relay({
        pollIntervalMs: 200,
        listeningPollIntervalMs: 60_000,
        afterPublish: (rows) => void published.push(...rows.map((r) => r.event_id)),
      })
      .start();
    await eventually(
      'the first round',
      async () => published,
      (p) => p.length > 0,
    );

    await otherRelay.dies();

    await eventually(
      'the rest',
      async () => published,
      (p) => p.length === 3,
      { timeoutMs: 3000 },
    );
    expect(published).toEqual([first, middle, last]);
  });

  it('When another relay dies holding rows, then a listening relay still publishes them at its listening interval', async () => {
    await world.writeEvents(['k'], 2);
    const otherRelay = await anotherRelayHolding('');
    await world.relay({ pollIntervalMs: 100, listeningPollIntervalMs: 1000 }).start();
    await new Promise((resolve) => setTimeout(resolve, 300)); // it found nothing it could take

    await otherRelay.dies();

    await eventually(
      'publication',
      () => world.unpublished(),
      (n) => n === 0,
      { timeoutMs: 3000 },
    );
  });

  it('When the LISTEN connection is killed, then the relay keeps publishing and listens again', async () => {
    const listening = async () =>
      (
        await world.pool.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'",
        )
      ).rows[0]?.n ?? 0;
    await world.relay({ pollIntervalMs: 200 }).start();
    await eventually('the relay listening', listening, (n) => n === 1);

    await world.pool.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'",
    );
    await world.writeEvents(['k'], 1);

    await eventually(
      'publication without the LISTEN connection',
      () => world.unpublished(),
      (n) => n === 0,
    );
    await eventually('the relay listening again', listening, (n) => n === 1);
  });

  it('When rows are waiting, then a NOTIFY wakes the relay long before its poll interval', async () => {
    const relay = world.relay({ pollIntervalMs: 30_000 });
    await relay.start();
    await new Promise((resolve) => setTimeout(resolve, 300)); // relay is now asleep on its 30 s poll
    const started = Date.now();
    await world.writeEvents(['k'], 1);
    await eventually(
      'publication',
      () => world.unpublished(),
      (n) => n === 0,
      { timeoutMs: 5000, intervalMs: 5 },
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
