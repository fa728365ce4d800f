import type { SqlExecutor, TransactionRunner } from '../db';
import type { EventEnvelope } from '../events';
import type { Reaction } from './reaction';

/**
 * Runs the reaction and records the event id in the same transaction. A duplicate insert finds
 * the id already there (or waits for the concurrent one to commit) and skips the effect.
 */
export async function applyOnce<Tx extends SqlExecutor>(
  runInTransaction: TransactionRunner<Tx>,
  consumer: string,
  reaction: Reaction<Tx>,
  envelope: EventEnvelope<unknown>,
): Promise<'applied' | 'duplicate'> {
  return runInTransaction(async (tx) => {
    const inserted = await tx.$executeRawUnsafe(
      'INSERT INTO processed_events (consumer, event_id) VALUES ($1, $2::uuid) ON CONFLICT DO NOTHING',
      consumer,
      envelope.eventId,
    );
    if (inserted === 0) return 'duplicate';
    await reaction.handle(envelope as EventEnvelope<never>, tx);
    return 'applied';
  });
}

/**
 * `applyOnce` for a run of events in one transaction: every id is recorded in one statement and
 * `apply` gets the items whose event is seen for the first time, in order. Says, per item, whether
 * it was applied or a duplicate (also of an earlier item of the run).
 */
export async function applyRunOnce<Tx extends SqlExecutor, T>(
  runInTransaction: TransactionRunner<Tx>,
  consumer: string,
  items: T[],
  eventIdOf: (item: T) => string,
  apply: (fresh: T[], tx: Tx) => Promise<void>,
): Promise<Array<'applied' | 'duplicate'>> {
  return runInTransaction(async (tx) => {
    const inserted = await tx.$queryRawUnsafe<Array<{ eventId: string }>>(
      `INSERT INTO processed_events (consumer, event_id)
       SELECT $1, id FROM unnest($2::uuid[]) AS id
       ON CONFLICT DO NOTHING RETURNING event_id::text AS "eventId"`,
      consumer,
      items.map(eventIdOf),
    );
    const firstSeen = new Set(inserted.map((row) => row.eventId));
    const outcomes = items.map((item) => (firstSeen.delete(eventIdOf(item).toLowerCase()) ? 'applied' : 'duplicate'));
    const fresh = items.filter((_, i) => outcomes[i] === 'applied');
    if (fresh.length > 0) await apply(fresh, tx);
    return outcomes;
  });
}

/** A run of one reaction's events, handed to its `handleBatch` together. */
export function applyBatchOnce<Tx extends SqlExecutor>(
  runInTransaction: TransactionRunner<Tx>,
  consumer: string,
  reaction: Reaction<Tx> & Required<Pick<Reaction<Tx>, 'handleBatch'>>,
  envelopes: EventEnvelope<unknown>[],
): Promise<Array<'applied' | 'duplicate'>> {
  return applyRunOnce(
    runInTransaction,
    consumer,
    envelopes,
    (e) => e.eventId,
    (fresh, tx) => reaction.handleBatch(fresh as EventEnvelope<never>[], tx),
  );
}
