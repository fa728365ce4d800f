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
 * `applyOnce` for a batch of events of one type in one transaction: every id is recorded in one
 * statement and the reaction's `handleBatch` gets the events seen for the first time, in order.
 * Says, per event, whether it was applied or a duplicate (also of an earlier event in the batch).
 */
export async function applyBatchOnce<Tx extends SqlExecutor>(
  runInTransaction: TransactionRunner<Tx>,
  consumer: string,
  reaction: Reaction<Tx> & Required<Pick<Reaction<Tx>, 'handleBatch'>>,
  envelopes: EventEnvelope<unknown>[],
): Promise<Array<'applied' | 'duplicate'>> {
  return runInTransaction(async (tx) => {
    const inserted = await tx.$queryRawUnsafe<Array<{ eventId: string }>>(
      `INSERT INTO processed_events (consumer, event_id)
       SELECT $1, id FROM unnest($2::uuid[]) AS id
       ON CONFLICT DO NOTHING RETURNING event_id::text AS "eventId"`,
      consumer,
      envelopes.map((e) => e.eventId),
    );
    const firstSeen = new Set(inserted.map((row) => row.eventId));
    const outcomes = envelopes.map((e) => (firstSeen.delete(e.eventId.toLowerCase()) ? 'applied' : 'duplicate'));
    const fresh = envelopes.filter((_, i) => outcomes[i] === 'applied');
    if (fresh.length > 0) await reaction.handleBatch(fresh as EventEnvelope<never>[], tx);
    return outcomes;
  });
}
