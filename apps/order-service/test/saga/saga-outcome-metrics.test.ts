import { metricSample, sampleOf } from '@sneakers/kit/testing';
import request from 'supertest';
import { expireDueOrders } from '../../src/order/use-cases/expire-orders/expire-orders.use-case';
import { type Caller, type OrderApp, PAYMENT_WINDOW_MS, startOrderApp } from '../support/order-app';
import { placeThroughApi } from '../support/place';
import { paymentCompletedFor, stockRejectedFor, stockReservedFor } from '../support/saga-events';

describe('Saga outcome metrics', () => {
  let app: OrderApp;
  let buyer: Caller;

  beforeAll(async () => {
    app = await startOrderApp();
    buyer = await app.caller('BUYER');
  });
  afterAll(() => app.close());

  const outcome = (labels: { outcome: string; reason: string }) =>
    metricSample(app.metrics.registry, 'saga_outcomes_total', labels);

  it('When stock is rejected, then one CANCELLED outcome is counted with its reason, and a redelivery adds none', async () => {
    const order = await placeThroughApi(app, buyer);
    const rejected = stockRejectedFor(order);

    await app.deliver(rejected);
    await app.deliver(rejected);

    expect(await outcome({ outcome: 'CANCELLED', reason: 'OUT_OF_STOCK' })).toBe(1);
  });

  it('When an order is paid, then one PAID outcome is counted (awaiting payment is not an outcome)', async () => {
    const order = await placeThroughApi(app, buyer);

    await app.deliver(stockReservedFor(order));
    expect(await outcome({ outcome: 'PAID', reason: 'none' })).toBeUndefined();
    await app.deliver(paymentCompletedFor(order, 20_000));

    expect(await outcome({ outcome: 'PAID', reason: 'none' })).toBe(1);
    expect(
      await metricSample(app.metrics.registry, 'saga_outcomes_total', { outcome: 'AWAITING_PAYMENT' }),
    ).toBeUndefined();
  });

  it('When the payment deadline passes, then an EXPIRED outcome is counted', async () => {
    const order = await placeThroughApi(app, buyer);
    await app.deliver(stockReservedFor(order));

    await expireDueOrders(app.runInTransaction, {
      graceMs: 0,
      now: new Date(Date.now() + PAYMENT_WINDOW_MS + 1000),
      outcomes: app.outcomes,
    });

    expect(await outcome({ outcome: 'EXPIRED', reason: 'EXPIRED' })).toBe(1);
  });

  it("When a buyer cancels, then /metrics shows the CANCELLED_BY_BUYER outcome next to the request's latency", async () => {
    const order = await placeThroughApi(app, buyer);

    await request(app.server).post(`/orders/${order.id}/cancel`).set('Authorization', buyer.authorization).expect(200);
    const scrape = await request(app.server).get('/metrics').expect(200);

    expect(scrape.text).toContain(
      'saga_outcomes_total{outcome="CANCELLED",reason="CANCELLED_BY_BUYER",service="order-service"} 1',
    );
    const cancelRoute = { method: 'POST', route: '/orders/:orderId/cancel', status: '200' };
    expect(sampleOf(scrape.text, 'http_request_duration_seconds_count', cancelRoute)).toBe(1);
  });
});
