import { randomUUID } from 'node:crypto';
import type { Tx } from '../../../prisma';
import { placeOrder as newOrder, type Order } from '../../domain/order';
import { insertOrder } from '../../order.repository';
import { announcePlaced } from '../../order-events';
import { type Cause, recordSteps } from '../../order-steps.repository';

export interface PlaceOrder {
  buyerId: string;
  lines: Array<{ skuId: string; quantity: number }>;
  userCouponId?: string;
  cause: Cause;
}

/** Stores the order PENDING and announces order.placed in the same transaction. */
export async function placeOrder(tx: Tx, { buyerId, lines, userCouponId, cause }: PlaceOrder): Promise<Order> {
  const order = newOrder({
    id: randomUUID(),
    buyerId,
    lines,
    ...(userCouponId ? { userCouponId } : {}),
    now: new Date(),
  });
  await insertOrder(tx, order);
  const emitted = await announcePlaced(tx, order);
  await recordSteps(tx, order.id, [{ step: 'PLACED', status: order.status, causedBy: cause, emitted }]);
  return order;
}
