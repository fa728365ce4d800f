import type { Message } from 'kafkajs';
import type { DeadLetterView, ReplayAllView } from '../api/operations/operations.schemas';
import type { SqlExecutor } from '../db';
import { toReplayMessage } from './dead-letter-message';
import {
  countNeverReplayed,
  type DeadLetterRow,
  lockDeadLetter,
  lockNeverReplayed,
  markReplayed,
} from './dead-letter-queries';
import { toDeadLetterView } from './dead-letter-view';
import { OperationsErrors } from './operations.errors';
import type { OperationsDeps } from './operations-deps';

/** One "replay all" call sends at most this many, so it fits well inside one transaction. */
export const REPLAY_BATCH = 500;

/**
 * Sends one letter back to its original topic, even if it was replayed before (an explicit ask),
 * and counts the replay, in the caller's transaction. The send happens before the commit: if the
 * commit fails the letter went out but stays unmarked, and a later replay repeats it, which the
 * consumers' inbox absorbs.
 */
export async function replayDeadLetter<Tx extends SqlExecutor>(
  tx: Tx,
  deps: OperationsDeps<Tx>,
  { letterId, adminId }: { letterId: string; adminId: string },
): Promise<DeadLetterView> {
  const letter = await lockDeadLetter(tx, letterId);
  if (!letter) throw OperationsErrors.deadLetterNotFound(letterId);
  await republish(deps, [letter]);
  const [replayed] = await markReplayed(tx, [letter.id]);
  deps.logger.info({ letterId, adminId, originalTopic: letter.original_topic }, 'dead letter replayed');
  return toDeadLetterView(replayed ?? letter);
}

/** Sends back every letter never replayed yet, oldest first, a batch per call, in the caller's transaction. */
export async function replayAllDeadLetters<Tx extends SqlExecutor>(
  tx: Tx,
  deps: OperationsDeps<Tx>,
  { adminId }: { adminId: string },
): Promise<ReplayAllView> {
  const letters = await lockNeverReplayed(tx, REPLAY_BATCH);
  await republish(deps, letters);
  if (letters.length > 0)
    await markReplayed(
      tx,
      letters.map((l) => l.id),
    );
  const remaining = await countNeverReplayed(tx);
  deps.logger.info({ replayed: letters.length, remaining, adminId }, 'dead letters replayed');
  return { replayed: letters.length, remaining };
}

/** One send per original topic, in letter order, acknowledged by all in-sync replicas. */
async function republish(deps: OperationsDeps, letters: DeadLetterRow[]): Promise<void> {
  const byTopic = new Map<string, Message[]>();
  for (const letter of letters) {
    const messages = byTopic.get(letter.original_topic) ?? [];
    messages.push(
      toReplayMessage({
        key: letter.key,
        value: letter.value,
        headers: letter.headers,
        originalPartition: letter.original_partition,
      }),
    );
    byTopic.set(letter.original_topic, messages);
  }
  try {
    for (const [topic, messages] of byTopic) await deps.producer.send({ topic, acks: -1, messages });
  } catch (error) {
    throw OperationsErrors.replayFailed(error);
  }
}
