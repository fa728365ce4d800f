import { getOrderRoute } from '@sneakers/contracts';
import { handle } from '@sneakers/kit';
import type { Router } from 'express';
import type { OrderDeps } from '../../order.deps';
import { findOrder } from '../../order.repository';
import { orderView } from '../../order.views';
import { assertCanSee } from '../../order-access';
import { preferredWaitMs } from '../../waiting/prefer-wait';
import { waitWhilePending } from '../../waiting/wait-while-pending';

export function serveGetOrder(router: Router, { reads, waiter }: OrderDeps): void {
  handle(router, getOrderRoute, async ({ identity, params, req }) => {
    const read = () => findOrder(reads, params.orderId);
    const first = await read();
    // Check access before holding the request, so nobody can wait on someone else's order.
    assertCanSee(identity, first);
    const waitMs = preferredWaitMs(req.header('prefer'));
    const order = waitMs > 0 ? ((await waitWhilePending(waiter, read, first.id, waitMs)) ?? first) : first;
    return { status: 200, body: orderView(order) };
  });
}
