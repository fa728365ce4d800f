import type { PoolClient } from 'pg';
import type { OutboxRow } from './outbox-row';

/** Oldest unpublished rows no other relay holds; the lock lasts until this relay commits. */
export async function lockNextBatch(client: PoolClient, batchSize: number): Promise<OutboxRow[]> {
  const { rows } = await client.query<OutboxRow>(
    `SELECT id, event_id, aggregate_type, aggregate_id, type, version, payload, headers, created_at
       FROM outbox
      WHERE published_at IS NULL
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
 * An earlier row is visible here until its relay commits, and it commits only after Kafka acked.
 */
export async function withoutOvertaking(client: PoolClient, rows: OutboxRow[]): Promise<OutboxRow[]> {
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
        AND earlier.id < mine.first_id
        AND earlier.published_at IS NULL`,
    [firsts.map((r) => r.aggregate_type), firsts.map((r) => r.aggregate_id), firsts.map((r) => r.id)],
  );
  if (blocked.length === 0) return rows;
  const blockedKeys = new Set(blocked.map((b) => `${b.aggregate_type}\u0000${b.aggregate_id}`));
  return rows.filter((row) => !blockedKeys.has(`${row.aggregate_type}\u0000${row.aggregate_id}`));
}

export async function markPublished(client: PoolClient, rows: OutboxRow[]): Promise<void> {
  await client.query('UPDATE outbox SET published_at = now() WHERE id = ANY($1::bigint[])', [rows.map((r) => r.id)]);
}

/** Sent rows are kept a while for inspection, then removed in bounded chunks. */
export async function deletePublishedBefore(client: PoolClient, cutoff: Date, limit = 5000): Promise<number> {
  const result = await client.query(
    `DELETE FROM outbox WHERE id IN (
       SELECT id FROM outbox WHERE published_at < $1 ORDER BY published_at LIMIT $2)`,
    [cutoff, limit],
  );
  return result.rowCount ?? 0;
}

export async function outboxBacklog(client: PoolClient): Promise<{ pending: number; oldestAgeMs: number }> {
  const { rows } = await client.query<{ pending: string; oldest: Date | null }>(
    'SELECT count(*) AS pending, min(created_at) AS oldest FROM outbox WHERE published_at IS NULL',
  );
  const row = rows[0];
  return {
    pending: Number(row?.pending ?? 0),
    oldestAgeMs: row?.oldest ? Date.now() - row.oldest.getTime() : 0,
  };
}
