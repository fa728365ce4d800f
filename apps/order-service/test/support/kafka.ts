import {
  createKafka,
  deadLetterTopic,
  type EventEnvelope,
  ensureTopics,
  type OutboxRow,
  toKafkaMessage,
} from '@sneakers/shared';
import { testEnv, uniqueName, waitForGroupToCatchUp } from '@sneakers/shared/testing';
import type { Kafka, Message, Producer } from 'kafkajs';
import { logger } from './order-app';

/** The Kafka message the outbox relay would publish for this event (same key and headers). */
export function toMessage(event: EventEnvelope<unknown>): Message {
  const row: OutboxRow = {
    id: '1',
    event_id: event.eventId,
    aggregate_type: event.aggregateType,
    aggregate_id: event.aggregateId,
    type: event.type,
    version: event.version,
    payload: JSON.stringify(event.payload),
    headers: {},
    created_at: new Date(event.occurredAt),
  };
  return toKafkaMessage(row, {}).message;
}

/** A topic and a consumer group of this test file's own, so no other run's events arrive. */
export async function privateTopic(prefix: string) {
  const topic = `${uniqueName(prefix)}.events`;
  const groupId = uniqueName(`${prefix}-group`);
  const kafka: Kafka = createKafka({ clientId: prefix, brokers: testEnv.kafkaBrokers, logger });
  await ensureTopics(kafka, [
    { topic, numPartitions: 3 },
    { topic: deadLetterTopic(groupId), numPartitions: 1 },
  ]);
  const producer: Producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  return {
    topic,
    groupId,
    kafka,
    send: (...events: EventEnvelope<unknown>[]) => producer.send({ topic, acks: -1, messages: events.map(toMessage) }),
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
