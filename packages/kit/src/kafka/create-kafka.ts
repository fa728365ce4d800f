import { Kafka, logLevel as KafkaLogLevel, type LogEntry } from 'kafkajs';
import type { Logger } from 'pino';
import { IN_PROCESS_BROKER, processBus } from '../embedded/process-bus';
import { quietIdleConnections } from './quiet-idle-connections';
import { stopDuringFetch } from './stop-during-fetch';

const toPino = {
  [KafkaLogLevel.ERROR]: 'error',
  [KafkaLogLevel.WARN]: 'warn',
  [KafkaLogLevel.INFO]: 'info',
  [KafkaLogLevel.DEBUG]: 'debug',
  [KafkaLogLevel.NOTHING]: 'silent',
} as const;

/**
 * A kafkajs client whose own logs go through the service's JSON logger; with the broker list
 * `in-process` (the embedded mode), the process's in-memory bus behind the same API.
 */
export function createKafka({
  clientId,
  brokers,
  logger,
}: {
  clientId: string;
  brokers: string[];
  logger: Logger;
}): Kafka {
  if (brokers.length === 1 && brokers[0] === IN_PROCESS_BROKER) return processBus().asKafka();
  quietIdleConnections();
  stopDuringFetch();
  const kafkaLogger = logger.child({ component: 'kafkajs' });
  return new Kafka({
    clientId,
    brokers,
    // kafkajs logs connection retries at ERROR while the broker is merely restarting; WARN keeps
    // the signal without flooding the logs during an outage the relay already reports.
    logLevel: KafkaLogLevel.WARN,
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...extra } = log;
        const method = toPino[level as keyof typeof toPino] ?? 'info';
        if (method !== 'silent') kafkaLogger[method](extra, message);
      },
    retry: { initialRetryTime: 200, retries: 8, maxRetryTime: 5000 },
  });
}
