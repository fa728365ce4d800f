import { randomUUID } from 'node:crypto';
import type { SqlExecutor } from '../db';
import type { EventContract, PayloadOf } from '../events';
import { currentTraceHeaders } from '../telemetry';
import { OUTBOX_CHANNEL } from './outbox-channel';

export interface OutboxEventInput<C extends EventContract> {
  aggregateId: string;
  payload: PayloadOf<C>;
  eventId?: string;
}

/** An event of any contract, for writing several at once; built by `outboxEvent`. */
export interface OutboxEvent {
  contract: EventContract;
  aggregateId: string;
  payload: unknown;
  eventId?: string;
}

export function outboxEvent<C extends EventContract>(contract: C, input: OutboxEventInput<C>): OutboxEvent {
  return { contract, ...input };
}

/**
 * Records an event in the caller's transaction: it is published if and only if the transaction
 * commits. The NOTIFY rides the same transaction, so the relay wakes exactly when the row is visible.
 * Call it after the aggregate's own write, so that row's lock orders events of one aggregate.
 */
export async function writeOutboxEvent<C extends EventContract>(
  tx: SqlExecutor,
  contract: C,
  input: OutboxEventInput<C>,
): Promise<string> {
  const [eventId] = await writeOutboxEvents(tx, [outboxEvent(contract, input)]);
  return eventId as string;
}

/** `writeOutboxEvent` for several events in one statement, published in the order given. */
export async function writeOutboxEvents(tx: SqlExecutor, events: OutboxEvent[]): Promise<string[]> {
  const rows = events.map(({ contract, aggregateId, payload, eventId = randomUUID() }) => ({
    eventId,
    contract,
    aggregateId,
    payload: JSON.stringify(contract.payload.parse(payload)),
  }));
  if (rows.length === 0) return [];
  await tx.$executeRawUnsafe(
    `WITH inserted AS (
       INSERT INTO outbox (event_id, aggregate_type, aggregate_id, type, version, payload, headers)
       SELECT e.event_id, e.aggregate_type, e.aggregate_id, e.type, e.version, e.payload, $7::jsonb
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], $6::jsonb[])
         WITH ORDINALITY AS e(event_id, aggregate_type, aggregate_id, type, version, payload, n)
       ORDER BY e.n
       RETURNING 1
     )
     SELECT pg_notify('${OUTBOX_CHANNEL}', '') WHERE EXISTS (SELECT 1 FROM inserted)`,
    rows.map((r) => r.eventId),
    rows.map((r) => r.contract.aggregateType),
    rows.map((r) => r.aggregateId),
    rows.map((r) => r.contract.type),
    rows.map((r) => r.contract.version),
    rows.map((r) => r.payload),
    JSON.stringify(currentTraceHeaders()),
  );
  return rows.map((r) => r.eventId);
}
