import { getOrderRoute } from '@sneakers/contracts';
import { handle, readUntil } from '@sneakers/kit';
import type { Router } from 'express';
import type { OrderDeps } from '../../order.deps';
import { findOrder } from '../../order.repository';
import { orderBody } from '../../order.views';
import { assertCanSee } from '../../order-access';
import { preferredWaitMs } from '../../waiting/prefer-wait';
import { waitedFor } from '../../waiting/waited-for';

export function serveGetOrder(router: Router, { reads, waiter }: OrderDeps): void {
  handle(router, getOrderRoute, async ({ identity, params, req }) => {
    // Checked on every read, so nobody waits on someone else's order.
    const read = async () => {
      const order = await findOrder(reads, params.orderId);
      assertCanSee(identity, order);
      return order;
    };
    // The wake-up is armed before the first read: a change committed meanwhile is not missed, and
    // the first read is the only one unless the order has to change. Notifications carry the id
    // as PostgreSQL prints a uuid.
    const waitMs = preferredWaitMs(req.header('prefer'));
    const id = params.orderId.toLowerCase();
    const order = await readUntil(waiter, id, read, waitedFor(req.header('if-none-match')), waitMs);
    // Sent with its ETag: express answers 304 when the client still holds it.
    return { status: 200, body: orderBody(order) };
  });
}
