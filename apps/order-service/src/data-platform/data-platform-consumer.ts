import {
  EventConsumer,
  type EventLogFields,
  eventTopic,
  type ServiceMetrics,
  type TransactionRunner,
} from '@sneakers/kit';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import type { Tx } from '../prisma';
import { type DataPlatformTarget, deliverPaidOrderToDataPlatform } from './deliver-paid-order';

/** Paid orders go to the data platform in a group of their own (own pace, own dead-letter topic). */
export const DATA_PLATFORM_DELIVERY_GROUP = 'order-service-data-platform';

// Small enough that a batch of answers a little slow still commits well inside the transaction's time.
const DELIVERIES_PER_TRANSACTION = 20;

/**
 * Its own group (and dead-letter topic): a platform outage never holds up the saga's consumer. A
 * fetched batch is delivered in one transaction (one inbox statement and one commit, not three per
 * order); when a delivery in it fails, the batch is rolled back and delivered again order by order.
 */
export function dataPlatformConsumer(options: {
  kafka: Kafka;
  runInTransaction: TransactionRunner<Tx>;
  logger: Logger;
  target: DataPlatformTarget;
  maxAttempts: number;
  retryBaseMs?: number;
  groupId?: string;
  topic?: string;
  metrics?: ServiceMetrics;
  logFields?: EventLogFields;
}): EventConsumer<Tx> {
  return new EventConsumer<Tx>({
    kafka: options.kafka,
    groupId: options.groupId ?? DATA_PLATFORM_DELIVERY_GROUP,
    topics: [options.topic ?? eventTopic('order')],
    reactions: [deliverPaidOrderToDataPlatform(options.target)],
    shareTransactions: true,
    maxBatchSize: DELIVERIES_PER_TRANSACTION,
    runInTransaction: options.runInTransaction,
    logger: options.logger,
    maxAttempts: options.maxAttempts,
    retryBaseMs: options.retryBaseMs ?? 200,
    metrics: options.metrics,
    logFields: options.logFields,
  });
}
