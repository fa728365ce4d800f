import { randomUUID } from 'node:crypto';
import type { Kafka, Message, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import type { SqlExecutor, TransactionRunner } from '../db';
import type { EventContract, PayloadOf } from '../events';
import { EventConsumer, type Reaction } from '../inbox';
import { createKafka, deadLetterTopic, ensureTopics } from '../kafka';
import { toKafkaMessage } from '../outbox';
import { testEnv, uniqueName } from './test-env';
import { waitForGroupToCatchUp } from './test-kafka';

/** The Kafka message the outbox relay would publish for this event: same key, value and headers. */
export function messageOf<C extends EventContract>(
  contract: C,
  aggregateId: string,
  payload: PayloadOf<C>,
  eventId: string = randomUUID(),
): Message {
  return toKafkaMessage(
    {
      id: '0',
      event_id: eventId,
      aggregate_type: contract.aggregateType,
      aggregate_id: aggregateId,
      type: contract.type,
      version: contract.version,
      payload: JSON.stringify(contract.payload.parse(payload)),
      headers: {},
      created_at: new Date(),
    },
    {},
  ).message;
}

export interface ReactionHarness {
  kafka: Kafka;
  groupId: string;
  /** Publishes the messages (in order, one partition per key) and waits until all were handled. */
  deliver: (...messages: Message[]) => Promise<void>;
  stop: () => Promise<void>;
}

/**
 * A service's reactions consuming a topic of their own through the real broker, with the real
 * EventConsumer (inbox, retries, dead letters): what production does, without other runs' events.
 */
export async function startReactionHarness<Tx extends SqlExecutor>(options: {
  reactions: Reaction<Tx>[];
  runInTransaction: TransactionRunner<Tx>;
  logger: Logger;
}): Promise<ReactionHarness> {
  const topic = `${uniqueName('reactions')}.events`;
  const groupId = uniqueName('harness');
  const kafka = createKafka({ clientId: groupId, brokers: testEnv.kafkaBrokers, logger: options.logger });
  await ensureTopics(kafka, [
    { topic, numPartitions: 3 },
    { topic: deadLetterTopic(groupId), numPartitions: 1 },
  ]);
  const producer: Producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const consumer = new EventConsumer<Tx>({ kafka, groupId, topics: [topic], retryBaseMs: 10, ...options });
  await consumer.start();
  await consumer.waitUntilJoined();
  return {
    kafka,
    groupId,
    deliver: async (...messages) => {
      await producer.send({ topic, acks: -1, messages });
      await waitForGroupToCatchUp(kafka, groupId, topic);
    },
    stop: async () => {
      await consumer.stop();
      await producer.disconnect();
      const admin = kafka.admin();
      await admin.connect();
      await admin.deleteTopics({ topics: [topic, deadLetterTopic(groupId)] }).catch(() => undefined);
      await admin.disconnect();
    },
  };
}
