import { Router } from 'express';
import pino from 'pino';
import request from 'supertest';
import { createHttpApp, createServiceMetrics, type ServiceMetrics } from '../../src';
import { metricSample, sampleOf } from '../../src/testing';

const silent = pino({ level: 'silent' });

function appWith(metrics: ServiceMetrics) {
  const orders = Router();
  orders.get('/orders/:orderId', (_req, res) => {
    res.json({ ok: true });
  });
  return createHttpApp({ logger: silent, metrics, readiness: [], routes: [orders] });
}

describe('HTTP metrics and /metrics', () => {
  it('When a request was answered, then GET /metrics answers Prometheus text with its latency by route template and status', async () => {
    const app = appWith(createServiceMetrics('order-service'));

    await request(app).get('/orders/4f1c2a7e-1111-4000-8000-000000000001').expect(200);
    await request(app).get('/orders/4f1c2a7e-1111-4000-8000-000000000002').expect(200);
    await request(app).get('/no/such/route').expect(404);
    const scrape = await request(app).get('/metrics');

    expect(scrape.status).toBe(200);
    expect(scrape.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const route = { method: 'GET', route: '/orders/:orderId', status: '200', service: 'order-service' };
    expect(sampleOf(scrape.text, 'http_request_duration_seconds_count', route)).toBe(2);
    expect(sampleOf(scrape.text, 'http_request_duration_seconds_count', { route: 'unmatched', status: '404' })).toBe(1);
    expect(scrape.text).not.toContain('4f1c2a7e');
    expect(scrape.text).toContain('# TYPE http_request_duration_seconds histogram');
  });

  it("When /metrics is scraped, then it has the process's own series too, event loop delay among them", async () => {
    const app = appWith(createServiceMetrics('order-service'));
    await new Promise((resolve) => setTimeout(resolve, 350));

    const scrape = await request(app).get('/metrics');

    expect(sampleOf(scrape.text, 'nodejs_eventloop_lag_p99_seconds', { service: 'order-service' })).toBeGreaterThan(0);
    expect(scrape.text).toContain('# TYPE process_cpu_seconds_total counter');
  });

  it('When an app has no metrics, then there is no /metrics endpoint', async () => {
    const app = createHttpApp({ logger: silent, readiness: [], routes: [] });

    await request(app).get('/metrics').expect(404);
  });

  it('When two services run in one process, then their metric sets do not collide and each /metrics shows only its own', async () => {
    const orders = createServiceMetrics('order-service');
    const coupons = createServiceMetrics('coupon-service');
    const counters = [orders, coupons].map((metrics) =>
      metrics.counter({ name: 'things_total', help: 'Things.', labelNames: ['kind'] }),
    );
    orders.outbox();
    coupons.outbox();
    orders.consumer();
    coupons.consumer();

    counters[0]?.inc({ kind: 'a' });
    await request(appWith(coupons)).get('/orders/1').expect(200);

    expect(await metricSample(orders.registry, 'things_total', { kind: 'a' })).toBe(1);
    expect(await metricSample(coupons.registry, 'things_total', { kind: 'a' })).toBeUndefined();
    expect(await metricSample(coupons.registry, 'http_request_duration_seconds_count')).toBe(1);
    expect(await metricSample(orders.registry, 'http_request_duration_seconds_count')).toBeUndefined();
    expect(await orders.registry.metrics()).not.toContain('service="coupon-service"');
  });

  it('When a service has no outbox or consumer, then /metrics shows no outbox or consumer series', async () => {
    const text = await createServiceMetrics('gateway').registry.metrics();

    expect(text).not.toContain('outbox_');
    expect(text).not.toContain('consumer_');
  });
});
