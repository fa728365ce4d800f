import { PLATFORM_SERVICES } from '../service/platform-services';

/**
 * Every topic of the platform, with its partition count, in one place. Topics are created from this
 * list (auto-create is off on the broker), so a typo in a topic name fails loudly instead of
 * silently creating a topic nobody reads.
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

export const AGGREGATE_TYPES = ['user', 'product', 'stock', 'coupon', 'order', 'payment'] as const;
/** order-service delivers paid orders to the data platform in a group of its own (own pace, own DLQ). */
export const DATA_PLATFORM_DELIVERY_GROUP = 'order-service-data-platform';

/** Each service consumes as one group named after itself, plus the delivery group above. */
export const CONSUMER_GROUPS = [...Object.keys(PLATFORM_SERVICES), DATA_PLATFORM_DELIVERY_GROUP];

export const PLATFORM_TOPICS: readonly TopicSpec[] = [
  ...AGGREGATE_TYPES.map((type) => ({ topic: eventTopic(type), numPartitions: EVENT_PARTITIONS })),
  ...CONSUMER_GROUPS.map((group) => ({ topic: deadLetterTopic(group), numPartitions: DLQ_PARTITIONS })),
];
