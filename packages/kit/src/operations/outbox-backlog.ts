import type { OutboxBacklogView } from '../api/operations/operations.schemas';
import type { SqlExecutor } from '../db';

/** Every row still in the outbox is unsent: the relay deletes a row once Kafka acknowledged it. */
export async function outboxBacklog(db: SqlExecutor, now = new Date()): Promise<OutboxBacklogView> {
  const rows = await db.$queryRawUnsafe<Array<{ type: string; unsent: number; oldest: Date }>>(
    'SELECT type, count(*)::int AS unsent, min(created_at) AS oldest FROM outbox GROUP BY type ORDER BY oldest, type',
  );
  const oldest = rows[0]?.oldest ?? null;
  return {
    unsent: rows.reduce((sum, row) => sum + row.unsent, 0),
    oldestUnsentAt: oldest?.toISOString() ?? null,
    oldestUnsentAgeMs: oldest ? Math.max(0, now.getTime() - oldest.getTime()) : 0,
    byType: rows.map((row) => ({ type: row.type, unsent: row.unsent, oldestUnsentAt: row.oldest.toISOString() })),
  };
}
