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
