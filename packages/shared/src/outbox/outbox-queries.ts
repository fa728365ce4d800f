import type { PoolClient } from 'pg';
import type { OutboxRow } from './outbox-row';

/** Oldest rows no other relay holds; the lock lasts until this relay commits. */
export async function lockNextBatch(client: PoolClient, batchSize: number): Promise<OutboxRow[]> {
  const { rows } = await client.query<OutboxRow>(
    // payload as text: it goes to Kafka as JSON text, so parsing it here would be wasted work.
    `SELECT id, event_id, aggregate_type, aggregate_id, type, version, payload::text AS payload, headers, created_at
       FROM outbox
      ORDER BY id
      LIMIT $1
        FOR UPDATE SKIP LOCKED`,
    [batchSize],
  );
  return rows;
}

/**
 * Drops the rows whose aggregate still has an EARLIER unpublished event (held by another relay):
 * publishing them now would overtake it and break per-key order. They are retried next round.
 * An earlier row is visible here until its relay deletes it, which it does only after Kafka acked.
 */
export async function withoutOvertaking(client: PoolClient, rows: OutboxRow[]): Promise<OutboxRow[]> {
  if (await nothingSkipped(client, rows)) return rows;
  const firstIdOf = new Map<string, OutboxRow>();
  for (const row of rows) {
    const key = `${row.aggregate_type}\u0000${row.aggregate_id}`;
    if (!firstIdOf.has(key)) firstIdOf.set(key, row);
  }
  const firsts = [...firstIdOf.values()];
  const { rows: blocked } = await client.query<{ aggregate_type: string; aggregate_id: string }>(
    `SELECT DISTINCT mine.aggregate_type, mine.aggregate_id
       FROM unnest($1::text[], $2::text[], $3::bigint[]) AS mine(aggregate_type, aggregate_id, first_id)
       JOIN outbox earlier
         ON earlier.aggregate_id = mine.aggregate_id
        AND earlier.aggregate_type = mine.aggregate_type
        AND earlier.id < mine.first_id`,
    [firsts.map((r) => r.aggregate_type), firsts.map((r) => r.aggregate_id), firsts.map((r) => r.id)],
  );
  if (blocked.length === 0) return rows;
  const blockedKeys = new Set(blocked.map((b) => `${b.aggregate_type}\u0000${b.aggregate_id}`));
  return rows.filter((row) => !blockedKeys.has(`${row.aggregate_type}\u0000${row.aggregate_id}`));
}

/**
 * The common case, one relay: no unpublished row below our newest one is missing from the batch,
 * so nothing was skipped and nothing can be overtaken. One index range count instead of a join.
 */
async function nothingSkipped(client: PoolClient, rows: OutboxRow[]): Promise<boolean> {
  const newest = rows[rows.length - 1];
  if (!newest) return true;
  const { rows: counted } = await client.query<{ n: string }>('SELECT count(*) AS n FROM outbox WHERE id <= $1', [
    newest.id,
  ]);
  return Number(counted[0]?.n) === rows.length;
}

/**
 * Published rows are deleted, not flagged: an UPDATE of an indexed column rewrote every row and its
 * index entries (5x slower per batch, measured), and Kafka already keeps the history.
 */
export async function deletePublished(client: PoolClient, rows: OutboxRow[]): Promise<void> {
  await client.query('DELETE FROM outbox WHERE id = ANY($1::bigint[])', [rows.map((r) => r.id)]);
}
