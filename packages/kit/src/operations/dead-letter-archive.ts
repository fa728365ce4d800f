import type { Consumer, EachMessagePayload, Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import type { SqlExecutor } from '../db';
import { groupByDeadLetterTopic } from './consumer-groups';
import { toArchivedLetter } from './dead-letter-message';
import { archiveDeadLetter } from './dead-letter-queries';

export interface DeadLetterArchiveOptions {
  kafka: Kafka;
  /** The archive's own consumer group; it reads the dead-letter topics of `consumerGroups`. */
  groupId: string;
  consumerGroups: readonly string[];
  db: SqlExecutor;
  logger: Logger;
}

// Letters are rare and nobody waits on their copy by the second, so an idle archive asks the broker
// every 10 s, not every 3 s as the event consumers do (a fetch still comes back as soon as a letter
// arrives). kafkajs heartbeats between fetches only: the heartbeat follows the wait, inside the 30 s
// session, and the archive hears of a rebalance within 10 s, inside the minute a rebalance may take.
// The price: an archive holding no partition (more instances than letter partitions) sleeps out the
// wait when it stops, as kafkajs does not ask the broker then (see stopDuringFetch): up to 10 s.
const ARCHIVE_FETCH_WAIT_MS = 10_000;

/**
 * Copies the service's dead-letter topics into its `dead_letters` table, so letters can be listed
 * by page, marked as replayed, and outlive the topic's retention. A row per topic-partition-offset
 * makes redelivery harmless; a failed insert is retried by kafkajs before the offset moves on.
 */
export class DeadLetterArchive {
  private readonly consumer: Consumer;
  private readonly groupOf: Map<string, string>;

  constructor(private readonly options: DeadLetterArchiveOptions) {
    this.groupOf = groupByDeadLetterTopic(options.consumerGroups);
    this.consumer = options.kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: ARCHIVE_FETCH_WAIT_MS,
      heartbeatInterval: ARCHIVE_FETCH_WAIT_MS,
      sessionTimeout: 30_000,
      rebalanceTimeout: 60_000,
    });
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [...this.groupOf.keys()], fromBeginning: true });
    await this.consumer.run({ eachMessage: (payload) => this.archive(payload) });
  }

  stop(): Promise<void> {
    return this.consumer.disconnect();
  }

  private async archive({ topic, partition, message }: EachMessagePayload): Promise<void> {
    const letter = toArchivedLetter(this.groupOf.get(topic) ?? topic, { topic, partition, message });
    if (!letter) {
      this.options.logger.warn(
        { topic, partition, offset: message.offset },
        'not a dead letter (no dlq headers); skipped',
      );
      return;
    }
    await archiveDeadLetter(this.options.db, letter);
  }
}
