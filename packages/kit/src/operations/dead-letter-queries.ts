import type { SqlExecutor } from '../db';
import type { KeysetWindow } from '../pagination';
import type { ArchivedLetter } from './dead-letter-message';

/** A `dead_letters` row; int64 columns as text, bytes as base64. */
export interface DeadLetterRow {
  id: string;
  seq: string;
  consumer_group: string;
  original_topic: string;
  original_partition: number;
  original_offset: string;
  event_type: string | null;
  event_id: string | null;
  key: string | null;
  value: string | null;
  headers: Array<[string, string]>;
  reason: string;
  attempts: number;
  dead_lettered_at: Date;
  replay_count: number;
  last_replayed_at: Date | null;
}

// encode() wraps base64 every 76 characters; Buffer.from(…, 'base64') skips the line breaks.
const COLUMNS = `id, seq::text AS seq, consumer_group, original_topic, original_partition,
  original_offset::text AS original_offset, event_type, event_id, encode(key, 'base64') AS key,
  encode(value, 'base64') AS value, headers, reason, attempts, dead_lettered_at, replay_count, last_replayed_at`;

/** Stores a letter once, however often the archive reads it. */
export async function archiveDeadLetter(db: SqlExecutor, letter: ArchivedLetter): Promise<void> {
  await db.$executeRawUnsafe(
    `INSERT INTO dead_letters (id, consumer_group, original_topic, original_partition, original_offset, event_type,
       event_id, key, value, headers, reason, attempts, dead_lettered_at)
     VALUES ($1, $2, $3, $4, $5::bigint, $6, $7, decode($8, 'base64'), decode($9, 'base64'), $10::jsonb, $11, $12,
       $13::timestamptz)
     ON CONFLICT (id) DO NOTHING`,
    letter.id,
    letter.consumerGroup,
    letter.originalTopic,
    letter.originalPartition,
    letter.originalOffset,
    letter.eventType,
    letter.eventId,
    letter.key,
    letter.value,
    JSON.stringify(letter.headers),
    letter.reason,
    letter.attempts,
    letter.deadLetteredAt.toISOString(),
  );
}

/** Newest first; `after` continues a page, `replayed` filters. */
export function findDeadLetters(
  db: SqlExecutor,
  { after, take, replayed }: KeysetWindow<{ seq: string }> & { replayed?: boolean },
): PromiseLike<DeadLetterRow[]> {
  return db.$queryRawUnsafe<DeadLetterRow[]>(
    `SELECT ${COLUMNS} FROM dead_letters
      WHERE ($1::bigint IS NULL OR seq < $1::bigint)
        AND ($2::boolean IS NULL OR (replay_count > 0) = $2::boolean)
      ORDER BY seq DESC
      LIMIT $3`,
    after?.seq ?? null,
    replayed ?? null,
    take,
  );
}

/** Held until the transaction ends, so two replays of one letter take turns. */
export async function lockDeadLetter(tx: SqlExecutor, id: string): Promise<DeadLetterRow | undefined> {
  const [row] = await tx.$queryRawUnsafe<DeadLetterRow[]>(
    `SELECT ${COLUMNS} FROM dead_letters WHERE id = $1 FOR UPDATE`,
    id,
  );
  return row;
}

/** Oldest first; letters another "replay all" holds right now are left to it. */
export function lockNeverReplayed(tx: SqlExecutor, limit: number): PromiseLike<DeadLetterRow[]> {
  return tx.$queryRawUnsafe<DeadLetterRow[]>(
    `SELECT ${COLUMNS} FROM dead_letters WHERE replay_count = 0 ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
    limit,
  );
}

export async function countNeverReplayed(tx: SqlExecutor): Promise<number> {
  const [row] = await tx.$queryRawUnsafe<Array<{ n: number }>>(
    'SELECT count(*)::int AS n FROM dead_letters WHERE replay_count = 0',
  );
  return row?.n ?? 0;
}

export function markReplayed(tx: SqlExecutor, ids: string[]): PromiseLike<DeadLetterRow[]> {
  return tx.$queryRawUnsafe<DeadLetterRow[]>(
    `UPDATE dead_letters SET replay_count = replay_count + 1, last_replayed_at = now()
      WHERE id = ANY($1::text[])
      RETURNING ${COLUMNS}`,
    ids,
  );
}
