import { placeOrderRoute } from '@sneakers/contracts';
import { handleIdempotent, readUntil } from '@sneakers/kit';
import type { Router } from 'express';
import type { OrderDeps } from '../../order.deps';
import { findOrder } from '../../order.repository';
import { orderView } from '../../order.views';
import { requestCause } from '../../request-cause';
import { preferredWaitMs } from '../../waiting/prefer-wait';
import { leftPending } from '../../waiting/waited-for';
import { placeOrder } from './place-order.use-case';

export function servePlaceOrder(router: Router, { runInTransaction, reads, waiter }: OrderDeps): void {
  handleIdempotent(router, placeOrderRoute, runInTransaction, async ({ identity, body, req, idempotently }) => {
    const placed = await idempotently(async (tx) => {
      const order = await placeOrder(tx, { buyerId: identity.userId, ...body, cause: requestCause(req) });
      return { status: 202, body: orderView(order), headers: { Location: `/orders/${order.id}` } };
    });
    const waitMs = preferredWaitMs(req.header('prefer'));
    if (waitMs === 0) return placed;
    // The stored (or replayed) answer is the PENDING order; a waiting client wants the latest.
    const { id } = placed.body as { id: string };
    const order = await readUntil(waiter, id, () => findOrder(reads, id), leftPending, waitMs);
    return order ? { ...placed, body: orderView(order) } : placed;
  });
}
