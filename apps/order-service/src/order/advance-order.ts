import type { Tx } from '../prisma';
import type { Order, Transition } from './domain/order';
import { lockOrder, saveOrder } from './order.repository';
import { announce } from './order-events';
import { type Cause, recordSteps } from './order-steps.repository';
import type { SagaOutcomes } from './saga-outcomes';

export interface Advance {
  orderId: string;
  /** The timeline's name for the fact that arrived, e.g. STOCK_RESERVED. */
  step: string;
  causedBy: Cause;
  detail?: Record<string, unknown>;
  transition: (order: Order) => Transition;
  /** Told when the order's checkout ends (counted as the transition is written, before commit). */
  outcomes?: SagaOutcomes;
}

export type AdvanceResult = { found: false } | { found: true; changed: boolean; order: Order };

/**
 * The one way a saga step reaches an order: lock it, let the aggregate decide, save, and announce
 * the outcome (if any) in the same transaction. A fact the order already knew changes nothing.
 */
export async function advanceOrder(
  tx: Tx,
  { orderId, step, causedBy, detail, transition, outcomes }: Advance,
): Promise<AdvanceResult> {
  const order = await lockOrder(tx, orderId);
  if (!order) return { found: false };
  const next = transition(order);
  if (next.order === order) return { found: true, changed: false, order };
  // The order row first, then its event: the row lock orders this order's outbox ids.
  await saveOrder(tx, next.order);
  const fact = { step, status: next.order.status, causedBy, ...(detail ? { detail } : {}) };
  if (!next.outcome) {
    await recordSteps(tx, orderId, [fact]);
    return { found: true, changed: true, order: next.order };
  }
  const emitted = await announce(tx, next.order, next.outcome);
  const outcomeDetail =
    next.order.cancelReason && next.outcome !== 'PAID' && next.outcome !== 'AWAITING_PAYMENT'
      ? { reason: next.order.cancelReason }
      : next.outcome === 'AWAITING_PAYMENT'
        ? { subtotal: next.order.subtotal, discount: next.order.discount, amount: next.order.amount }
        : undefined;
  const outcome = {
    step: next.order.status,
    status: next.order.status,
    causedBy,
    emitted,
    ...(outcomeDetail ? { detail: outcomeDetail } : {}),
  };
  await recordSteps(tx, orderId, [fact, outcome], { notify: true });
  if (next.outcome !== 'AWAITING_PAYMENT') outcomes?.ended(next.outcome, next.order.cancelReason);
  return { found: true, changed: true, order: next.order };
}
