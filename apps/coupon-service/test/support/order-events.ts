import { randomUUID } from 'node:crypto';
import { type EventContract, type OutboxRow, type PayloadOf, toKafkaMessage } from '@sneakers/shared';

/** The Kafka message the outbox relay would publish for this event (same headers and key). */
export function orderMessage<C extends EventContract>(contract: C, payload: PayloadOf<C> & { orderId: string }) {
  const row: OutboxRow = {
    id: '1',
    event_id: randomUUID(),
    aggregate_type: contract.aggregateType,
    aggregate_id: payload.orderId,
    type: contract.type,
    version: contract.version,
    payload: JSON.stringify(payload),
    headers: {},
    created_at: new Date(),
  };
  return toKafkaMessage(row, {}).message;
}
