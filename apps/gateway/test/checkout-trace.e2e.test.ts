import { randomUUID } from 'node:crypto';
import { eventually, startService, testEnv } from '@sneakers/kit/testing';
import request from 'supertest';
import { type OtlpReceiver, type ReceivedSpan, SpanKind, startOtlpReceiver } from './support/otlp-receiver';
import {
  buyerWithBalance,
  PLATFORM_SERVICE_NAMES,
  type Platform,
  type ServiceName,
  sneakerOnSale,
  startPlatform,
} from './support/platform';

// One checkout is one trace. Every process exports its spans over OTLP to a receiver in this test;
// the gateway runs as a process of its own too (instrumentation patches modules as a real main
// loads them, which an in-process app under Jest would not show).
//
// Placing and paying are two requests. The trace is rooted at the gateway's POST /orders; the
// payment-service stores the trace context that reached it with order.awaiting-payment, and the
// payment runs in a span of that trace (linked both ways with the pay request's own trace). So the
// checkout's trace shows every step from the click on "order" to the data platform, the debit of
// the balance included; the pay request's trace holds only its HTTP envelope.
const KAFKA_PORT = 19792;
const PORTS = { user: 3701, catalog: 3702, coupon: 3703, order: 3704, payment: 3705 } as const;
const GATEWAY = `http://127.0.0.1:3700`;
const SAGA_SERVICES = ['gateway', 'order-service', 'catalog-service', 'coupon-service', 'payment-service'];
// Every hop of the saga: the relay's producer span and a consumer span in each service that reacts.
const SAGA_HOPS = [
  'order-service publish order.placed',
  'catalog-service process order.placed',
  'catalog-service publish stock.reserved',
  'order-service process stock.reserved',
  'coupon-service process order.placed',
  'coupon-service publish coupon.reserved',
  'order-service process coupon.reserved',
  'order-service publish order.awaiting-payment',
  'payment-service process order.awaiting-payment',
  'payment-service pay order',
  'payment-service publish payment.completed',
  'order-service process payment.completed',
  'order-service publish order.paid',
  // Everyone reacts to order.paid: stock sold, coupon used, read model, delivery to the data platform.
  'catalog-service process order.paid',
  'coupon-service process order.paid',
  'payment-service process order.paid',
  'order-service process order.paid',
];

const isServer = (span: ReceivedSpan) => span.kind === SpanKind.SERVER;
const route = (span: ReceivedSpan) => String(span.attributes['http.route'] ?? '');
const method = (span: ReceivedSpan) => String(span.attributes['http.request.method'] ?? span.attributes['http.method']);

describe('Tracing one checkout across every service (OTLP, real Kafka, PostgreSQL, Redis)', () => {
  let receiver: OtlpReceiver;
  let platform: Platform;
  let gateway: { stop: () => Promise<void> } | undefined;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    const tracing = {
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '100',
      OTEL_LOGS_EXPORTER: 'none',
    };
    platform = await startPlatform({
      kafkaPort: KAFKA_PORT,
      ports: PORTS,
      env: Object.fromEntries(PLATFORM_SERVICE_NAMES.map((name) => [name, tracing])),
    });
    const upstream = (name: ServiceName) => platform.url(name);
    gateway = await startService(
      'apps/gateway',
      {
        PORT: new URL(GATEWAY).port,
        REDIS_URL: testEnv.redisUrl,
        JWKS_URL: platform.jwksUrl,
        RATE_LIMIT_PER_MINUTE: '100000',
        USER_SERVICE_URL: upstream('user'),
        CATALOG_SERVICE_URL: upstream('catalog'),
        COUPON_SERVICE_URL: upstream('coupon'),
        ORDER_SERVICE_URL: upstream('order'),
        PAYMENT_SERVICE_URL: upstream('payment'),
        ...tracing,
      },
      `${GATEWAY}/health/ready`,
    );
  }, 240_000);

  afterAll(async () => {
    await gateway?.stop();
    await platform?.stop();
    await receiver?.close();
  }, 120_000);

  it('When a buyer claims a coupon, orders with it and pays, then the whole checkout is one trace from the gateway to the data platform', async () => {
    // Arrange (through the in-process gateway: these requests are not the checkout)
    const { skuId, seller } = await sneakerOnSale(platform, 189_000);
    const now = Date.now();
    const policy = await request(platform.server)
      .post('/coupon-policies')
      .set('authorization', seller)
      .send({
        name: 'Trace day 10%',
        discountType: 'PERCENT',
        discountValue: 10,
        maxDiscount: 15_000,
        minOrderAmount: 100_000,
        totalQuantity: 10,
        claimStartsAt: new Date(now - 60_000).toISOString(),
        claimEndsAt: new Date(now + 3_600_000).toISOString(),
        validDays: 7,
      })
      .expect(201);
    const buyer = await buyerWithBalance(platform, 500_000);

    // Act (through the gateway process)
    const coupon = await request(GATEWAY)
      .post(`/coupon-policies/${policy.body.id}/claims`)
      .set('authorization', buyer)
      .expect(201);
    const placed = await request(GATEWAY)
      .post('/orders')
      .set('authorization', buyer)
      .set('idempotency-key', randomUUID())
      .set('prefer', 'wait=10')
      .send({ lines: [{ skuId, quantity: 1 }], userCouponId: coupon.body.id })
      .expect(202);
    const orderId: string = placed.body.id;
    await eventually(
      'the order AWAITING_PAYMENT',
      async () => (await request(GATEWAY).get(`/orders/${orderId}`).set('authorization', buyer)).body.status,
      (status) => status === 'AWAITING_PAYMENT',
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    await request(GATEWAY)
      .post(`/orders/${orderId}/payment`)
      .set('authorization', buyer)
      .set('idempotency-key', randomUUID())
      .expect(201);
    await eventually(
      'delivery to the data platform',
      async () => platform.delivered.filter((d) => d.orderId === orderId).length,
      (n) => n >= 1,
      { timeoutMs: 60_000 },
    );

    // Assert
    const placeSpan = await eventually(
      "the gateway's POST /orders span",
      async () =>
        receiver.spans.find(
          (s) => s.service === 'gateway' && isServer(s) && method(s) === 'POST' && route(s) === '/orders',
        ),
      (span) => span !== undefined,
    );
    const traceId = placeSpan?.traceId as string;
    const inTrace = () => receiver.spans.filter((s) => s.traceId === traceId);
    const orphansOf = (spans: ReceivedSpan[]) => {
      const ids = new Set(spans.map((s) => s.spanId));
      return spans.filter((s) => s.parentSpanId !== undefined && !ids.has(s.parentSpanId));
    };
    const missingHops = (spans: ReceivedSpan[]) => {
      const present = new Set(spans.map((s) => `${s.service} ${s.name}`));
      return SAGA_HOPS.filter((hop) => !present.has(hop));
    };
    const isDataPlatformCall = (s: ReceivedSpan) =>
      s.service === 'order-service' &&
      s.kind === SpanKind.CLIENT &&
      String(s.attributes['url.full']).endsWith('/paid-orders');
    // Spans arrive per process in batches: wait until the last step is in and nothing hangs loose.
    const spans = await eventually(
      'the checkout trace complete',
      async () => inTrace(),
      (all) => missingHops(all).length === 0 && all.some(isDataPlatformCall) && orphansOf(all).length === 0,
      { timeoutMs: 30_000, intervalMs: 250 },
    ).catch(() => inTrace());

    // One root: the gateway's server span for POST /orders; every other span's parent is in the trace.
    expect(spans.filter((s) => s.parentSpanId === undefined)).toEqual([placeSpan]);
    expect(orphansOf(spans).map((s) => `${s.service} ${s.name}`)).toEqual([]);
    // (user-service appears too when a service fetches the signing keys on its first request.)
    expect([...new Set(spans.map((s) => s.service))]).toEqual(expect.arrayContaining(SAGA_SERVICES));
    // The gateway forwards over http (client span), order-service serves it (server span).
    expect(spans.some((s) => s.service === 'gateway' && s.kind === SpanKind.CLIENT)).toBe(true);
    expect(spans.some((s) => s.service === 'order-service' && isServer(s) && route(s) === '/orders')).toBe(true);
    expect(missingHops(spans)).toEqual([]);
    // Database calls under them, and the delivery to the data platform. (No Redis: the gateway adds
    // a caller's hits to the shared rate window outside the request, and the saga uses none.)
    for (const service of ['order-service', 'catalog-service', 'coupon-service', 'payment-service']) {
      expect(spans.some((s) => s.service === service && s.scope === '@opentelemetry/instrumentation-pg')).toBe(true);
    }
    expect(spans.filter(isDataPlatformCall)).toHaveLength(1);

    // The pay request has a trace of its own (a client cannot know the checkout's); the payment it
    // makes is in the checkout's trace, and the two point to each other.
    const payment = spans.find((s) => s.service === 'payment-service' && s.name === 'pay order');
    expect(payment?.links).toHaveLength(1);
    const payRequest = receiver.spans.find((s) => s.spanId === payment?.links[0]?.spanId);
    expect(payRequest?.service).toBe('payment-service');
    expect(payRequest?.traceId).not.toBe(traceId);
    expect(payRequest?.links).toContainEqual({ traceId, spanId: payment?.spanId });
    const payRoot = receiver.spans.find((s) => s.traceId === payRequest?.traceId && s.parentSpanId === undefined);
    expect(payRoot).toMatchObject({ service: 'gateway', kind: SpanKind.SERVER });
    expect(route(payRoot as ReceivedSpan)).toBe('/orders/:orderId/payment');

    // The coupon claim before it is a trace of its own, with its Redis calls in coupon-service.
    const claim = receiver.spans.find(
      (s) => s.service === 'coupon-service' && isServer(s) && route(s).endsWith('/claims'),
    );
    expect(claim?.traceId).not.toBe(traceId);
    expect(
      receiver.spans.some(
        (s) =>
          s.traceId === claim?.traceId &&
          s.service === 'coupon-service' &&
          s.scope === '@opentelemetry/instrumentation-ioredis',
      ),
    ).toBe(true);
  }, 240_000);
});
