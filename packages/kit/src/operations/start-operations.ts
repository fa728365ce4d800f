import type { Router } from 'express';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import type { SqlExecutor, TransactionRunner } from '../db';
import { createProducer } from '../kafka/create-producer';
import { DeadLetterArchive } from './dead-letter-archive';
import { operationsRouter } from './operations.http';

export interface OperationsOptions<Tx extends SqlExecutor> {
  /** The service's name, which is also its main consumer group. */
  service: string;
  kafka: Kafka;
  db: SqlExecutor;
  runInTransaction: TransactionRunner<Tx>;
  logger: Logger;
  /** Whose dead letters to archive: the service's consumer groups. */
  consumerGroups: readonly string[];
  /** Default `<service>-dead-letter-archive`; tests pass their own so runs never share a group. */
  archiveGroupId?: string;
  /** Off where nothing consumes (see ServiceStartOptions.backgroundWork): the routes serve the table as it is. */
  archivesDeadLetters?: boolean;
}

export interface RunningOperations {
  name: string;
  router: Router;
  stop: () => Promise<void>;
}

/** Starts the dead-letter archive and the replay producer, and builds the admin routes over them. */
export async function startOperations<Tx extends SqlExecutor>(
  options: OperationsOptions<Tx>,
): Promise<RunningOperations> {
  const { service, kafka, db, runInTransaction, archivesDeadLetters = true } = options;
  const logger = options.logger.child({ component: 'operations' });
  const producer = createProducer(kafka);
  await producer.connect();
  const archive = archivesDeadLetters
    ? new DeadLetterArchive({
        kafka,
        groupId: options.archiveGroupId ?? `${service}-dead-letter-archive`,
        consumerGroups: options.consumerGroups,
        db,
        logger,
      })
    : undefined;
  await archive?.start();
  return {
    name: 'operations',
    router: operationsRouter({ service, db, runInTransaction, producer, logger }),
    stop: async () => {
      await archive?.stop();
      await producer.disconnect();
    },
  };
}
