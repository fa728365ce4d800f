import { clientHolds } from '@sneakers/kit';
import type { Order } from '../domain/order';
import { orderBody } from '../order.views';

/**
 * What a GET with `Prefer: wait` waits for: the order to leave PENDING or, with `If-None-Match`, to
 * be another than the one the client holds (any change, PAID included), so a client learns of it
 * with one held request instead of polling.
 */
export function waitedFor(ifNoneMatch: string | undefined): (order: Order) => boolean {
  if (ifNoneMatch === undefined) return (order) => order.status !== 'PENDING';
  return (order) => !clientHolds(ifNoneMatch, orderBody(order).etag);
}
