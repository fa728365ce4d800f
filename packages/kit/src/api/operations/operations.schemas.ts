import { z } from 'zod';

/** A message one of the service's consumer groups gave up on, as kept in its `dead_letters` table. */
export const deadLetterView = z.object({
  /** `<dlq topic>:<partition>:<offset>`: where the letter sits in the dead-letter topic. */
  id: z.string(),
  consumerGroup: z.string(),
  originalTopic: z.string(),
  originalPartition: z.number().int(),
  /** An int64, so a string. */
  originalOffset: z.string(),
  /** Null when the message had no event headers (that is why it was dead-lettered). */
  eventType: z.string().nullable(),
  eventId: z.string().nullable(),
  /** The message key as UTF-8 (the aggregate id). */
  key: z.string().nullable(),
  reason: z.string(),
  /** Tries before giving up; 0 when the message could never be handled (bad payload, unknown version). */
  attempts: z.number().int(),
  deadLetteredAt: z.iso.datetime(),
  replayed: z.boolean(),
  replayCount: z.number().int(),
  lastReplayedAt: z.iso.datetime().nullable(),
});

export type DeadLetterView = z.infer<typeof deadLetterView>;

export const replayAllView = z.object({
  /** Letters sent back to their original topic by this call. */
  replayed: z.number().int(),
  /** Letters never replayed that are still waiting (one call replays at most a batch). */
  remaining: z.number().int(),
});

export type ReplayAllView = z.infer<typeof replayAllView>;

/** Events written to the outbox that Kafka has not acknowledged yet (the relay deletes acked rows). */
export const outboxBacklogView = z.object({
  unsent: z.number().int(),
  oldestUnsentAt: z.iso.datetime().nullable(),
  /** Age of the oldest unsent event when this answer was made; 0 when nothing waits. */
  oldestUnsentAgeMs: z.number().int(),
  byType: z.array(
    z.object({
      type: z.string(),
      unsent: z.number().int(),
      oldestUnsentAt: z.iso.datetime(),
    }),
  ),
});

export type OutboxBacklogView = z.infer<typeof outboxBacklogView>;
