import type { DeadLetterView } from '../api/operations/operations.schemas';
import type { DeadLetterRow } from './dead-letter-queries';

export function toDeadLetterView(row: DeadLetterRow): DeadLetterView {
  return {
    id: row.id,
    consumerGroup: row.consumer_group,
    originalTopic: row.original_topic,
    originalPartition: row.original_partition,
    originalOffset: row.original_offset,
    eventType: row.event_type,
    eventId: row.event_id,
    key: row.key === null ? null : Buffer.from(row.key, 'base64').toString('utf8'),
    reason: row.reason,
    attempts: row.attempts,
    deadLetteredAt: row.dead_lettered_at.toISOString(),
    replayed: row.replay_count > 0,
    replayCount: row.replay_count,
    lastReplayedAt: row.last_replayed_at?.toISOString() ?? null,
  };
}
