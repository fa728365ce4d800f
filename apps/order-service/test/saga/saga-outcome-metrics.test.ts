import type { Server } from 'node:http';
import { applyOnce, createHttpApp, createServiceMetrics, type EventEnvelope, PgChangeWaiter } from '@sneakers/shared';
import { metricSample, sampleOf } from '@sneakers/shared/testing';
import request from 'supertest';
import { orderRoutes } from '../../src/app';
import { ORDER_CHANGED_CHANNEL } from '../../src/order/order-events';
import { sagaOutcomeMetrics } from '../../src/order/saga-outcome.metrics';
import { expireDueOrders } from '../../src/order/use-cases/expire-orders/expire-orders.use-case';
import { orderReactions } from '../../src/reactions';
import { type Caller, logger, type OrderApp, PAYMENT_WINDOW_MS, startOrderApp } from '../support/order-app';
import { placeThroughApi } from '../support/place';
import { paymentCompletedFor, stockRejectedFor, stockReservedFor } from '../support/saga-events';

describe('Saga outcome metrics', () => {
  let app: OrderApp;
  let buyer: Caller;
  let waiter: PgChangeWaiter;
  let counted: Server;
  const metrics = createServiceMetrics('order-service');
  const outcomes = sagaOutcomeMetrics(metrics);
  const reactions = new Map(
    orderReactions({ paymentWindowMs: PAYMENT_WINDOW_MS, outcomes }).map((r) => [r.contract.type, r]),
  );

  beforeAll(async () => {
    app = await startOrderApp();
    buyer = await app.caller('BUYER');
    waiter = new PgChangeWaiter(app.databaseUrl, ORDER_CHANGED_CHANNEL, logger);
    await waiter.start();
    // The same routes as the service, counting into `metrics` and serving them.
    const counting = createHttpApp({
      logger,
      metrics,
      routes: orderRoutes({ runInTransaction: app.runInTransaction, reads: app.prisma, waiter, outcomes }),
      readiness: [],
      verifyAccessToken: app.tokens.verifier,
    });
    counted = counting.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await new Promise((resolve) => counted.close(resolve));
    await waiter.stop();
    await app.close();
  });

  const deliver = (event: EventEnvelope<unknown>) => {
    const reaction = reactions.get(event.type);
    if (!reaction) throw new Error(`no reaction for ${event.type}`);
    return applyOnce(app.runInTransaction, 'order-service', reaction, event);
  };
  const outcome = (labels: { outcome: string; reason: string }) =>
    metricSample(metrics.registry, 'saga_outcomes_total', labels);

  it('When stock is rejected, then one CANCELLED outcome is counted with its reason, and a redelivery adds none', async () => {
    const order = await placeThroughApi(app, buyer);
    const rejected = stockRejectedFor(order);

    await deliver(rejected);
    await deliver(rejected);

    expect(await outcome({ outcome: 'CANCELLED', reason: 'OUT_OF_STOCK' })).toBe(1);
  });

  it('When an order is paid, then one PAID outcome is counted (awaiting payment is not an outcome)', async () => {
    const order = await placeThroughApi(app, buyer);

    await deliver(stockReservedFor(order));
    expect(await outcome({ outcome: 'PAID', reason: 'none' })).toBeUndefined();
    await deliver(paymentCompletedFor(order, 20_000));

    expect(await outcome({ outcome: 'PAID', reason: 'none' })).toBe(1);
    expect(
      await metricSample(metrics.registry, 'saga_outcomes_total', { outcome: 'AWAITING_PAYMENT' }),
    ).toBeUndefined();
  });

  it('When the payment deadline passes, then an EXPIRED outcome is counted', async () => {
    const order = await placeThroughApi(app, buyer);
    await deliver(stockReservedFor(order));

    await expireDueOrders(app.runInTransaction, {
      graceMs: 0,
      now: new Date(Date.now() + PAYMENT_WINDOW_MS + 1000),
      outcomes,
    });

    expect(await outcome({ outcome: 'EXPIRED', reason: 'EXPIRED' })).toBe(1);
  });

  it("When a buyer cancels, then /metrics shows the CANCELLED_BY_BUYER outcome next to the request's latency", async () => {
    const order = await placeThroughApi(app, buyer);

    await request(counted).post(`/orders/${order.id}/cancel`).set('Authorization', buyer.authorization).expect(200);
    const scrape = await request(counted).get('/metrics').expect(200);

    expect(scrape.text).toContain(
      'saga_outcomes_total{outcome="CANCELLED",reason="CANCELLED_BY_BUYER",service="order-service"} 1',
    );
    const cancelRoute = { method: 'POST', route: '/orders/:orderId/cancel', status: '200' };
    expect(sampleOf(scrape.text, 'http_request_duration_seconds_count', cancelRoute)).toBe(1);
  });
});
