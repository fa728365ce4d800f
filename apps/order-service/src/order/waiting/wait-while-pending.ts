import type { Order } from '../domain/order';
import type { OrderWaiter } from './order-waiter';

/**
 * Re-reads the order until it leaves PENDING or `waitMs` passed. The wake-up is armed before each
 * read, so a commit between the read and the wait is not missed.
 */
export async function waitWhilePending(
  waiter: OrderWaiter,
  read: () => Promise<Order | undefined>,
  orderId: string,
  waitMs: number,
): Promise<Order | undefined> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const left = deadline - Date.now();
    const changed = left > 0 ? waiter.waitForChange(orderId, left) : undefined;
    const order = await read();
    if (order?.status !== 'PENDING' || !changed) return order;
    await changed;
  }
}
