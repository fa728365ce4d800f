import { type ChangeWaiter, clientHolds, readUntil } from '@sneakers/kit';
import type { Order } from '../domain/order';
import { orderBody } from '../order.views';

/**
 * Re-reads the order (when woken) until it is no longer the representation the client already
 * holds (its `If-None-Match`) or `waitMs` passed: a client learns of any change, PAID included,
 * with one held request instead of polling.
 */
export function waitWhileHeld(
  waiter: ChangeWaiter,
  read: () => Promise<Order | undefined>,
  orderId: string,
  ifNoneMatch: string,
  waitMs: number,
): Promise<Order | undefined> {
  const changed = (order: Order | undefined) => order === undefined || !clientHolds(ifNoneMatch, orderBody(order).etag);
  return readUntil(waiter, orderId, read, changed, waitMs);
}
