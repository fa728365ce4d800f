import type { SqlExecutor } from '@sneakers/kit';
import type { OrderStatus } from './domain/order';
import { ORDER_CHANGED_CHANNEL } from './order-events';

/** What started a step: an incoming event, the buyer's request, or the expiry job. */
export interface Cause {
  type: string;
  id: string | null;
}

export interface OrderStep {
  step: string;
  status: OrderStatus;
  at: Date;
  causedBy: Cause;
  emitted: string | null;
  detail: Record<string, unknown> | null;
}

export type NewStep = Omit<OrderStep, 'at' | 'emitted' | 'detail'> & {
  emitted?: string;
  detail?: Record<string, unknown>;
};

/**
 * Appends steps to an order's timeline in one statement, in the order given; with `notify`, the
 * same statement wakes the order's `Prefer: wait` requests (the NOTIFY rides the transaction).
 */
export async function recordSteps(
  tx: SqlExecutor,
  orderId: string,
  steps: NewStep[],
  { notify = false }: { notify?: boolean } = {},
): Promise<void> {
  await tx.$executeRawUnsafe(
    `WITH recorded AS (
       INSERT INTO order_steps (order_id, step, status, caused_by_type, caused_by_id, emitted_type, detail)
       SELECT $1::uuid, s.step, s.status::order_status, s.caused_by_type, s.caused_by_id, s.emitted_type, s.detail
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[])
         WITH ORDINALITY AS s(step, status, caused_by_type, caused_by_id, emitted_type, detail, n)
       ORDER BY s.n
     )
     SELECT pg_notify('${ORDER_CHANGED_CHANNEL}', $1::text) WHERE $8::boolean`,
    orderId,
    steps.map((s) => s.step),
    steps.map((s) => s.status),
    steps.map((s) => s.causedBy.type),
    steps.map((s) => s.causedBy.id),
    steps.map((s) => s.emitted ?? null),
    steps.map((s) => (s.detail ? JSON.stringify(s.detail) : null)),
    notify,
  );
}

interface StepRow {
  step: string;
  status: OrderStatus;
  at: Date;
  causedByType: string;
  causedById: string | null;
  emittedType: string | null;
  detail: Record<string, unknown> | null;
}

export async function listSteps(tx: SqlExecutor, orderId: string): Promise<OrderStep[]> {
  const rows = await tx.$queryRawUnsafe<StepRow[]>(
    `SELECT step, status::text, at, caused_by_type AS "causedByType", caused_by_id AS "causedById",
            emitted_type AS "emittedType", detail
     FROM order_steps WHERE order_id = $1::uuid ORDER BY id`,
    orderId,
  );
  return rows.map((row) => ({
    step: row.step,
    status: row.status,
    at: row.at,
    causedBy: { type: row.causedByType, id: row.causedById },
    emitted: row.emittedType,
    detail: row.detail,
  }));
}
