import type { PoolClient } from 'pg';
import type { OutboxRow } from './outbox-row';

/** The rows a relay claimed, and whether rows older than its newest are held by another relay. */
export interface LockedBatch {
  rows: OutboxRow[];
  olderRowsHeldElsewhere: boolean;
}

/**
 * Oldest rows no other relay holds; the lock lasts until this relay commits. The same statement
 * counts every row up to the newest claimed: more than were claimed means another relay holds some
 * (the common case, one relay, costs no second round trip).
 */
export async function lockNextBatch(client: PoolClient, batchSize: number): Promise<LockedBatch> {
  const { rows } = await client.query<OutboxRow & { rows_up_to_newest: string }>(
    // payload as text: it goes to Kafka as JSON text, so parsing it here would be wasted work.
    `WITH batch AS (
       SELECT id, event_id, aggregate_type, aggregate_id, type, version, payload::text AS payload, headers, created_at
         FROM outbox
        ORDER BY id
        LIMIT $1
          FOR UPDATE SKIP LOCKED
     )
     SELECT batch.*, (SELECT count(*) FROM outbox WHERE id <= (SELECT max(id) FROM batch)) AS rows_up_to_newest
       FROM batch
      ORDER BY id`,
    [batchSize],
  );
  return {
    rows: rows.map(({ rows_up_to_newest: _, ...row }) => row),
    olderRowsHeldElsewhere: rows.length > 0 && Number(rows[0]?.rows_up_to_newest) !== rows.length,
  };
}

/**
 * Keeps, per aggregate, only the rows before the first row of that aggregate this batch does not
 * hold (another relay has it locked). Publishing past it would overtake it and break per-key order;
 * the rest goes out in a later round. A row held elsewhere stays visible here until its relay
 * deletes it, which that relay does only after Kafka acked.
 */
export async function withoutOvertaking(
  client: PoolClient,
  { rows, olderRowsHeldElsewhere }: LockedBatch,
): Promise<OutboxRow[]> {
  if (!olderRowsHeldElsewhere) return rows;
  const lastOf = new Map<string, OutboxRow>();
  for (const row of rows) lastOf.set(aggregateKey(row), row);
  const lasts = [...lastOf.values()];
  const { rows: held } = await client.query<{ aggregate_type: string; aggregate_id: string; first_held_id: string }>(
    `SELECT o.aggregate_type, o.aggregate_id, min(o.id) AS first_held_id
       FROM unnest($1::text[], $2::text[], $3::bigint[]) AS mine(aggregate_type, aggregate_id, last_id)
       JOIN outbox o
         ON o.aggregate_id = mine.aggregate_id
        AND o.aggregate_type = mine.aggregate_type
        AND o.id < mine.last_id
      WHERE o.id <> ALL($4::bigint[])
      GROUP BY o.aggregate_type, o.aggregate_id`,
    [
      lasts.map((r) => r.aggregate_type),
      lasts.map((r) => r.aggregate_id),
      lasts.map((r) => r.id),
      rows.map((r) => r.id),
    ],
  );
  if (held.length === 0) return rows;
  const firstHeldId = new Map(held.map((h) => [aggregateKey(h), BigInt(h.first_held_id)]));
  return rows.filter((row) => {
    const limit = firstHeldId.get(aggregateKey(row));
    return limit === undefined || BigInt(row.id) < limit;
  });
}

function aggregateKey(row: { aggregate_type: string; aggregate_id: string }): string {
  return `${row.aggregate_type}\u0000${row.aggregate_id}`;
}

/**
 * Published rows are deleted, not flagged: an UPDATE of an indexed column rewrote every row and its
 * index entries (5x slower per batch, measured), and Kafka already keeps the history.
 */
export async function deletePublished(client: PoolClient, rows: OutboxRow[]): Promise<void> {
  await client.query('DELETE FROM outbox WHERE id = ANY($1::bigint[])', [rows.map((r) => r.id)]);
}
