import type { Producer } from 'kafkajs';
import type { Logger } from 'pino';
import type { SqlExecutor, TransactionRunner } from '../db';

export interface OperationsDeps<Tx extends SqlExecutor = SqlExecutor> {
  service: string;
  db: SqlExecutor;
  runInTransaction: TransactionRunner<Tx>;
  /** Sends replays; connected for as long as the routes serve. */
  producer: Producer;
  logger: Logger;
}
