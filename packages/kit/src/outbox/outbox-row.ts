import type { Message } from 'kafkajs';
import { EventHeaders } from '../events';
import { eventTopic } from '../kafka';

export interface OutboxRow {
  id: string;
  event_id: string;
  aggregate_type: string;
  aggregate_id: string;
  type: string;
  version: number;
  /** The payload as JSON text, exactly as it will be sent. */
  payload: string;
  headers: Record<string, string>;
  created_at: Date;
}

/** Debezium outbox-router mapping: topic per aggregate type, key = aggregate id, value = payload. */
export function toKafkaMessage(
  row: OutboxRow,
  traceHeaders: Record<string, string>,
): { topic: string; message: Message } {
  return {
    topic: eventTopic(row.aggregate_type),
    message: {
      key: row.aggregate_id,
      value: row.payload,
      headers: {
        ...row.headers,
        ...traceHeaders,
        [EventHeaders.id]: row.event_id,
        [EventHeaders.type]: row.type,
        [EventHeaders.version]: String(row.version),
        [EventHeaders.aggregateType]: row.aggregate_type,
        [EventHeaders.occurredAt]: row.created_at.toISOString(),
      },
    },
  };
}
