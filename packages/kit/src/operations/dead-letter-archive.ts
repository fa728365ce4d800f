import type { Consumer, EachMessagePayload, Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import type { SqlExecutor } from '../db';
import { FETCH_WAIT_MS } from '../kafka';
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
      maxWaitTimeInMs: FETCH_WAIT_MS,
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
