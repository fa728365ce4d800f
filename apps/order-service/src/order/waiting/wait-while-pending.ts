import { type ChangeWaiter, readUntil } from '@sneakers/kit';
import type { Order } from '../domain/order';

/** Re-reads the order (when woken) until it leaves PENDING or `waitMs` passed. */
export function waitWhilePending(
  waiter: ChangeWaiter,
  read: () => Promise<Order | undefined>,
  orderId: string,
  waitMs: number,
): Promise<Order | undefined> {
  return readUntil(waiter, orderId, read, (order) => order?.status !== 'PENDING', waitMs);
}
