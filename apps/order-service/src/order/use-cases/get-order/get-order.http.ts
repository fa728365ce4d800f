import { getOrderRoute } from '@sneakers/contracts';
import { handle } from '@sneakers/kit';
import type { Router } from 'express';
import type { OrderDeps } from '../../order.deps';
import { findOrder } from '../../order.repository';
import { orderBody } from '../../order.views';
import { assertCanSee } from '../../order-access';
import { preferredWaitMs } from '../../waiting/prefer-wait';
import { waitWhileHeld } from '../../waiting/wait-while-held';
import { waitWhilePending } from '../../waiting/wait-while-pending';

export function serveGetOrder(router: Router, { reads, waiter }: OrderDeps): void {
  handle(router, getOrderRoute, async ({ identity, params, req }) => {
    const read = () => findOrder(reads, params.orderId);
    const first = await read();
    // Check access before holding the request, so nobody can wait on someone else's order.
    assertCanSee(identity, first);
    const waitMs = preferredWaitMs(req.header('prefer'));
    const held = req.header('if-none-match');
    let order = first;
    if (waitMs > 0) {
      const waited =
        held === undefined
          ? await waitWhilePending(waiter, read, first.id, waitMs)
          : await waitWhileHeld(waiter, read, first.id, held, waitMs);
      order = waited ?? first;
    }
    // Sent with its ETag: express answers 304 when the client still holds it.
    return { status: 200, body: orderBody(order) };
  });
}
