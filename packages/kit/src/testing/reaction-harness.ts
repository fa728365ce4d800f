import { randomUUID } from 'node:crypto';
import type { Kafka, Message, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import type { SqlExecutor, TransactionRunner } from '../db';
import type { EventContract, EventEnvelope, PayloadOf } from '../events';
import { EventConsumer, type Reaction } from '../inbox';
import { createKafka, createProducer, deadLetterTopic, ensureTopics } from '../kafka';
import { toKafkaMessage } from '../outbox';
import { testEnv, uniqueName } from './test-env';
import { waitForGroupToCatchUp } from './test-kafka';

/** An event as a consumer receives it, built from its contract (the payload is validated). */
export function envelopeOf<C extends EventContract>(
  contract: C,
  aggregateId: string,
  payload: PayloadOf<C>,
  eventId: string = randomUUID(),
): EventEnvelope<PayloadOf<C>> {
  return {
    eventId,
    type: contract.type,
    version: contract.version,
    aggregateType: contract.aggregateType,
    aggregateId,
    occurredAt: new Date().toISOString(),
    payload: contract.payload.parse(payload) as PayloadOf<C>,
  };
}

/** The Kafka message the outbox relay would publish for this event: same key, value and headers. */
export function envelopeMessage(event: EventEnvelope<unknown>): Message {
  return toKafkaMessage(
    {
      id: '0',
      event_id: event.eventId,
      aggregate_type: event.aggregateType,
      aggregate_id: event.aggregateId,
      type: event.type,
      version: event.version,
      payload: JSON.stringify(event.payload),
      headers: {},
      created_at: new Date(event.occurredAt),
    },
    {},
  ).message;
}

export const messageOf = <C extends EventContract>(
  contract: C,
  aggregateId: string,
  payload: PayloadOf<C>,
  eventId?: string,
): Message => envelopeMessage(envelopeOf(contract, aggregateId, payload, eventId));

/** A topic and consumer group of one test file's own, so no other run's events arrive there. */
export interface PrivateTopic {
  kafka: Kafka;
  topic: string;
  groupId: string;
  send: (...messages: Message[]) => Promise<void>;
  /** Resolves once `groupId` consumed everything sent so far. */
  caughtUp: () => Promise<void>;
  close: () => Promise<void>;
}

export async function privateTopic(logger: Logger, prefix = 'private'): Promise<PrivateTopic> {
  const topic = `${uniqueName(prefix)}.events`;
  const groupId = uniqueName(`${prefix}-group`);
  const kafka = createKafka({ clientId: groupId, brokers: testEnv.kafkaBrokers, logger });
  await ensureTopics(kafka, [
    { topic, numPartitions: 3 },
    { topic: deadLetterTopic(groupId), numPartitions: 1 },
  ]);
  const producer: Producer = createProducer(kafka);
  await producer.connect();
  return {
    kafka,
    topic,
    groupId,
    send: async (...messages) => void (await producer.send({ topic, acks: -1, messages })),
    caughtUp: () => waitForGroupToCatchUp(kafka, groupId, topic),
    close: async () => {
      await producer.disconnect();
      const admin = kafka.admin();
      await admin.connect();
      await admin.deleteTopics({ topics: [topic, deadLetterTopic(groupId)] }).catch(() => undefined);
      await admin.disconnect();
    },
  };
}

export interface ReactionHarness {
  groupId: string;
  /** Publishes the messages (in order, one partition per key) and waits until all were handled. */
  deliver: (...messages: Message[]) => Promise<void>;
  stop: () => Promise<void>;
}

/**
 * A service's reactions consuming a private topic through the real broker, with the real
 * EventConsumer (inbox, retries, dead letters): what production does, without other runs' events.
 */
export async function startReactionHarness<Tx extends SqlExecutor>(options: {
  reactions: Reaction<Tx>[];
  runInTransaction: TransactionRunner<Tx>;
  logger: Logger;
}): Promise<ReactionHarness> {
  const bus = await privateTopic(options.logger, 'reactions');
  const consumer = new EventConsumer<Tx>({
    kafka: bus.kafka,
    groupId: bus.groupId,
    topics: [bus.topic],
    retryBaseMs: 10,
    ...options,
  });
  await consumer.start();
  await consumer.waitUntilJoined();
  return {
    groupId: bus.groupId,
    deliver: async (...messages) => {
      await bus.send(...messages);
      await bus.caughtUp();
    },
    stop: async () => {
      await consumer.stop();
      await bus.close();
    },
  };
}
