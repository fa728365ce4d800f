import { clientHolds } from '@sneakers/kit';
import type { Order } from '../domain/order';
import { orderBody } from '../order.views';

/** What `Prefer: wait` waits for unless told otherwise: the order to leave PENDING. */
export const leftPending = (order: Order | undefined): boolean => order?.status !== 'PENDING';

/**
 * What a GET with `Prefer: wait` waits for: the order to leave PENDING or, with `If-None-Match`, to
 * be another than the one the client holds (any change, PAID included), so a client learns of it
 * with one held request instead of polling.
 */
export function waitedFor(ifNoneMatch: string | undefined): (order: Order) => boolean {
  if (ifNoneMatch === undefined) return leftPending;
  return (order) => !clientHolds(ifNoneMatch, orderBody(order).etag);
}
