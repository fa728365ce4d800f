import {
  findContractBreaks,
  loadConsumerContracts,
  orderAwaitingPayment,
  orderCancelled,
  orderPaid,
  orderPlaced,
  type ProducedSamples,
} from '@sneakers/contracts';
import request from 'supertest';
import { type OrderApp, startOrderApp } from '../support/order-app';
import type { PlacedOrder } from '../support/saga-events';
import { couponReservedFor, paymentCompletedFor, stockRejectedFor, stockReservedFor } from '../support/saga-events';

describe("order-service against its consumers' contracts", () => {
  let app: OrderApp;
  let produced: ProducedSamples;

  // One paid order with a coupon and one cancelled order, through the real API and reactions.
  beforeAll(async () => {
    app = await startOrderApp();
    const buyer = await app.caller('BUYER');
    const responses: Array<ProducedSamples['responses'][number]> = [];
    const place = async (userCouponId?: string): Promise<PlacedOrder> => {
      const lines = [{ skuId: crypto.randomUUID(), quantity: 2 }];
      const res = await request(app.server)
        .post('/orders')
        .set('Authorization', buyer.authorization)
        .send({ lines, ...(userCouponId ? { userCouponId } : {}) })
        .expect(202);
      responses.push({ route: 'POST /orders', status: 202, body: res.body });
      return { id: res.body.id, buyerId: buyer.userId, lines, userCouponId: userCouponId ?? null };
    };

    const paid = await place(crypto.randomUUID());
    await app.deliver(stockReservedFor(paid));
    await app.deliver(couponReservedFor(paid));
    const awaiting = await request(app.server).get(`/orders/${paid.id}`).set('Authorization', buyer.authorization);
    await app.deliver(paymentCompletedFor(paid, awaiting.body.amount));
    const cancelled = await place();
    await app.deliver(stockRejectedFor(cancelled));

    for (const order of [paid, cancelled]) {
      const res = await request(app.server).get(`/orders/${order.id}`).set('Authorization', buyer.authorization);
      responses.push({ route: 'GET /orders/{orderId}', status: res.status, body: res.body });
      const timeline = await request(app.server)
        .get(`/orders/${order.id}/timeline`)
        .set('Authorization', buyer.authorization);
      responses.push({ route: 'GET /orders/{orderId}/timeline', status: timeline.status, body: timeline.body });
    }
    produced = { events: await app.prisma.outboxEvent.findMany(), responses };
  });
  afterAll(() => app.close());

  it('When every consumer reads what it declared, then order-service still produces each field with its type', () => {
    const contracts = loadConsumerContracts('order-service');
    const provider = {
      name: 'order-service',
      events: [orderPlaced, orderAwaitingPayment, orderPaid, orderCancelled],
    } as const;

    expect(contracts.map((c) => c.consumer)).toEqual(expect.arrayContaining(['catalog-service', 'payment-service']));
    expect(findContractBreaks(provider, contracts, produced)).toEqual([]);
  });
});
