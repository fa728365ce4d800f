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

/**
 * Records an event in the caller's transaction: it is published if and only if the transaction
 * commits. The NOTIFY rides the same transaction, so the relay wakes exactly when the row is visible.
 * Call it after the aggregate's own write, so that row's lock orders events of one aggregate.
 */
export async function writeOutboxEvent<C extends EventContract>(
  tx: SqlExecutor,
  contract: C,
  { aggregateId, payload, eventId = randomUUID() }: OutboxEventInput<C>,
): Promise<string> {
  const validPayload = contract.payload.parse(payload);
  await tx.$executeRawUnsafe(
    `WITH inserted AS (
       INSERT INTO outbox (event_id, aggregate_type, aggregate_id, type, version, payload, headers)
       VALUES ($1::uuid, $2, $3, $4, $5, $6::jsonb, $7::jsonb)
       RETURNING 1
     )
     SELECT pg_notify('${OUTBOX_CHANNEL}', '') FROM inserted`,
    eventId,
    contract.aggregateType,
    aggregateId,
    contract.type,
    contract.version,
    JSON.stringify(validPayload),
    JSON.stringify(currentTraceHeaders()),
  );
  return eventId;
}
