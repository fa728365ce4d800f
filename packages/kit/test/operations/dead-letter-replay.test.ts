import type { DeadLetterView } from '../../src';
import { eventually, waitForGroupToCatchUp } from '../../src/testing';
import { createOperationsWorld, type OperationsWorld } from './support/operations-world';

describe('Admin operations: dead letters and outbox backlog', () => {
  let ops: OperationsWorld;

  beforeEach(async () => {
    ops = await createOperationsWorld();
  });
  afterEach(() => ops.cleanUp());

  it('When events keep failing, then an admin lists their dead letters, replays them once the cause is fixed, and each is applied once', async () => {
    const { world, asAdmin } = ops;
    const failing = new Set([2, 4]);
    const consumer = world.consumer({ maxAttempts: 2, failWhen: (seq) => failing.has(seq) });
    const ids = await world.writeEvents(['k'], 5);

    const backlog = await asAdmin('get', '/outbox');
    expect(backlog.status).toBe(200);
    expect(backlog.body).toMatchObject({ unsent: 5, byType: [{ type: world.contracts.incremented.type, unsent: 5 }] });
    expect(backlog.body.oldestUnsentAgeMs).toBeGreaterThanOrEqual(0);

    await consumer.start();
    await world.relay().start();
    const letters = await eventually(
      'two dead letters listed',
      async (): Promise<DeadLetterView[]> => (await asAdmin('get', '/dead-letters')).body.items,
      (items) => items?.length === 2,
    );
    expect(letters.map((l) => l.eventId)).toEqual([ids[3], ids[1]]); // newest first
    const second = letters[1] as DeadLetterView;
    expect(second).toMatchObject({
      consumerGroup: world.groupId,
      originalTopic: world.topic,
      eventType: world.contracts.incremented.type,
      key: 'k',
      attempts: 2,
      replayed: false,
      replayCount: 0,
      lastReplayedAt: null,
    });
    expect(second.reason).toContain('poison seq 2');
    expect(second.id).toBe(`${world.dlqTopic}:0:${second.id.split(':')[2]}`);
    await eventually(
      'the 3 healthy events applied',
      () => world.effects(),
      (e) => e.total === 3,
    );
    expect((await asAdmin('get', '/outbox')).body).toEqual({
      unsent: 0,
      oldestUnsentAt: null,
      oldestUnsentAgeMs: 0,
      byType: [],
    });

    failing.clear();
    const path = `/dead-letters/${encodeURIComponent(second.id)}/replay`;
    const replayed = await asAdmin('post', path).set('Idempotency-Key', 'replay-seq-2');
    expect(replayed.status).toBe(200);
    expect(replayed.body).toMatchObject({ id: second.id, replayed: true, replayCount: 1 });
    const repeated = await asAdmin('post', path).set('Idempotency-Key', 'replay-seq-2');
    expect(repeated.headers['idempotent-replayed']).toBe('true');
    expect(repeated.body.replayCount).toBe(1);
    await eventually(
      'seq 2 applied',
      () => world.effects(),
      (e) => e.total === 4,
    );

    const all = await asAdmin('post', '/dead-letters/replay');
    expect(all.status).toBe(200);
    expect(all.body).toEqual({ replayed: 1, remaining: 0 }); // seq 4 only: seq 2 was replayed already
    await eventually(
      'seq 4 applied',
      () => world.effects(),
      (e) => e.total === 5,
    );
    expect((await asAdmin('post', '/dead-letters/replay')).body).toEqual({ replayed: 0, remaining: 0 });

    // An explicit replay of an applied event goes out again; the inbox absorbs it.
    expect((await asAdmin('post', path)).body.replayCount).toBe(2);
    await waitForGroupToCatchUp(world.kafka, world.groupId, world.topic);
    expect(await world.effects()).toMatchObject({ total: 5, distinct: 5 });

    expect((await asAdmin('get', '/dead-letters?replayed=false')).body.items).toEqual([]);
    const page1 = await asAdmin('get', '/dead-letters?limit=1');
    expect(page1.body.items.map((l: { eventId: string }) => l.eventId)).toEqual([ids[3]]);
    const page2 = await asAdmin('get', `/dead-letters?limit=1&cursor=${page1.body.nextCursor}`);
    expect(page2.body).toMatchObject({ items: [{ eventId: ids[1], replayed: true }], nextCursor: null });
  });
});
