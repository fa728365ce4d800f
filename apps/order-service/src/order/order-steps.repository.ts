import type { Prisma } from '../generated/prisma/client';
import type { Tx } from '../prisma';
import type { OrderStatus } from './domain/order';

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

export async function recordStep(
  tx: Tx,
  orderId: string,
  step: Omit<OrderStep, 'at' | 'emitted' | 'detail'> & { emitted?: string; detail?: Record<string, unknown> },
): Promise<void> {
  await tx.orderStep.create({
    data: {
      orderId,
      step: step.step,
      status: step.status,
      causedByType: step.causedBy.type,
      causedById: step.causedBy.id,
      emittedType: step.emitted ?? null,
      ...(step.detail ? { detail: step.detail as Prisma.InputJsonValue } : {}),
    },
  });
}

export async function listSteps(tx: Pick<Tx, 'orderStep'>, orderId: string): Promise<OrderStep[]> {
  const rows = await tx.orderStep.findMany({ where: { orderId }, orderBy: { id: 'asc' } });
  return rows.map((row) => ({
    step: row.step,
    status: row.status,
    at: row.at,
    causedBy: { type: row.causedByType, id: row.causedById },
    emitted: row.emittedType,
    detail: (row.detail as Record<string, unknown> | null) ?? null,
  }));
}
