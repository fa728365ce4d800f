/** What a consumer receives: the payload plus the metadata the relay carried in Kafka headers. */
export interface EventEnvelope<Payload = unknown> {
  eventId: string;
  type: string;
  version: number;
  aggregateType: string;
  aggregateId: string;
  occurredAt: string;
  payload: Payload;
}

/** Kafka header names, Debezium outbox-router style (the value is the bare payload). */
export const EventHeaders = {
  id: 'event-id',
  type: 'event-type',
  version: 'event-version',
  aggregateType: 'aggregate-type',
  occurredAt: 'occurred-at',
} as const;
