/**
 * How topics are named and sized. Topics are created from a list (auto-create is off on the
 * broker), so a typo in a topic name fails loudly instead of silently creating a topic nobody reads.
 */
export interface TopicSpec {
  topic: string;
  numPartitions: number;
}

/** Debezium outbox-router naming: one topic per aggregate type. */
export const eventTopic = (aggregateType: string): string => `${aggregateType}.events`;

/** Dead letters are per consumer group: each service replays only what it failed to handle. */
export const deadLetterTopic = (consumerGroup: string): string => `${consumerGroup}.dlq`;

// Partitions bound the parallelism of one consumer group; 6 gives every service room on a
// small cluster while keeping per-aggregate order (the key is the aggregate id).
const EVENT_PARTITIONS = 6;
const DLQ_PARTITIONS = 1;

export const eventTopics = (aggregateTypes: readonly string[]): TopicSpec[] =>
  aggregateTypes.map((type) => ({ topic: eventTopic(type), numPartitions: EVENT_PARTITIONS }));

export const deadLetterTopics = (consumerGroups: readonly string[]): TopicSpec[] =>
  consumerGroups.map((group) => ({ topic: deadLetterTopic(group), numPartitions: DLQ_PARTITIONS }));
