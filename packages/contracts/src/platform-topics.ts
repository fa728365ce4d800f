import { deadLetterTopics, eventTopics, type TopicSpec } from '@sneakers/kit';
import { PLATFORM_SERVICES } from './platform-services';

export const AGGREGATE_TYPES = ['user', 'product', 'stock', 'coupon', 'order', 'payment'] as const;

/**
 * Every topic of the platform, in one place: an event topic per aggregate type, and the dead-letter
 * topic of each service's consumer group (named after the service). A service that runs a group of
 * its own besides that one declares it to runService, which makes its dead-letter topic too.
 */
export const PLATFORM_TOPICS: readonly TopicSpec[] = [
  ...eventTopics(AGGREGATE_TYPES),
  ...deadLetterTopics(Object.keys(PLATFORM_SERVICES)),
];
