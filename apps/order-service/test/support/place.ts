import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Caller, OrderApp } from './order-app';
import type { PlacedOrder } from './saga-events';

/** Places an order through the API and returns what the saga replies are built from. */
export async function placeThroughApi(
  app: OrderApp,
  buyer: Caller,
  { withCoupon = false, lines = [{ skuId: randomUUID(), quantity: 2 }] } = {},
): Promise<PlacedOrder> {
  const userCouponId = withCoupon ? randomUUID() : undefined;
  const res = await request(app.server)
    .post('/orders')
    .set('Authorization', buyer.authorization)
    .send({ lines, ...(userCouponId ? { userCouponId } : {}) });
  if (res.status !== 202) throw new Error(`place order answered ${res.status}: ${JSON.stringify(res.body)}`);
  return { id: res.body.id, buyerId: buyer.userId, lines, userCouponId: userCouponId ?? null };
}
