import type { Producer } from 'kafkajs';
import type { Logger } from 'pino';
import type { SqlExecutor, TransactionRunner } from '../db';
import type { PlatformService } from '../service/platform-services';

export interface OperationsDeps<Tx extends SqlExecutor = SqlExecutor> {
  service: PlatformService;
  db: SqlExecutor;
  runInTransaction: TransactionRunner<Tx>;
  /** Sends replays; connected for as long as the routes serve. */
  producer: Producer;
  logger: Logger;
}
