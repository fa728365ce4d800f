import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { accessTokenVerifier, createLogger, PUBLIC_ROUTES, remoteKeySet } from '@sneakers/shared';
import {
  createTestDatabase,
  eventually,
  startBroker,
  startService,
  stopBroker,
  type TestDatabase,
  testEnv,
} from '@sneakers/shared/testing';
import { Redis } from 'ioredis';
import request from 'supertest';
import { createGatewayApp } from '../src/app';

// The whole checkout choreography: five services as separate processes, each with its own
// database, talking only through a Kafka broker of this test's own (so no other run's events reach
// them), behind an in-process gateway. Nothing is faked.
const KAFKA_PORT = 19492;
const PORTS = { user: 3301, catalog: 3302, coupon: 3303, order: 3304, payment: 3305 } as const;
const SERVICES = Object.keys(PORTS) as Array<keyof typeof PORTS>;
const APPS = path.resolve(__dirname, '../..');
const url = (service: keyof typeof PORTS) => `http://127.0.0.1:${PORTS[service]}`;
const ADMIN = { email: 'admin@sneakers.local', password: 'admin-dev-password' };
const PASSWORD = 'correct-horse-9';

describe('Checkout across all services (real Kafka, PostgreSQL, Redis)', () => {
  const databases: TestDatabase[] = [];
  const running: Array<{ stop: () => Promise<void> }> = [];
  const delivered: Array<{ orderId: string }> = [];
  let dataPlatform: http.Server;
  let redis: Redis;
  let gateway: ReturnType<typeof createGatewayApp>;

  beforeAll(async () => {
    const { brokers } = await startBroker({ port: KAFKA_PORT, fresh: true });
    dataPlatform = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        delivered.push(JSON.parse(body));
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => dataPlatform.listen(0, '127.0.0.1', () => resolve()));
    const jwksUrl = `${url('user')}/.well-known/jwks.json`;
    const extra: Record<keyof typeof PORTS, Record<string, string>> = {
      user: {},
      catalog: { REDIS_URL: testEnv.redisUrl },
      coupon: { REDIS_URL: testEnv.redisUrl },
      order: { DATA_PLATFORM_URL: `http://127.0.0.1:${(dataPlatform.address() as AddressInfo).port}/paid-orders` },
      payment: {},
    };
    for (const service of SERVICES) {
      const database = await createTestDatabase(path.join(APPS, `${service}-service`));
      databases.push(database);
      running.push(
        await startService(
          `apps/${service}-service`,
          {
            PORT: String(PORTS[service]),
            DATABASE_URL: database.url,
            KAFKA_BROKERS: brokers.join(','),
            JWKS_URL: jwksUrl,
            ...extra[service],
          },
          `${url(service)}/health/ready`,
        ),
      );
    }
    redis = new Redis(testEnv.redisUrl);
    gateway = createGatewayApp({
      logger: createLogger('gateway-e2e', 'silent'),
      routes: PUBLIC_ROUTES,
      upstreams: {
        'user-service': url('user'),
        'catalog-service': url('catalog'),
        'coupon-service': url('coupon'),
        'order-service': url('order'),
        'payment-service': url('payment'),
      },
      verifyAccessToken: accessTokenVerifier(remoteKeySet(jwksUrl)),
      redis,
      rateLimitPerMinute: 100_000,
      upstreamTimeoutMs: 15_000,
    });
  }, 240_000);

  afterAll(async () => {
    for (const service of running.reverse()) await service.stop();
    await redis?.quit();
    dataPlatform?.close();
    for (const database of databases) await database.drop();
    await stopBroker({ port: KAFKA_PORT });
  }, 120_000);

  const logIn = async (email: string, password = PASSWORD) => {
    const res = await request(gateway).post('/auth/login').send({ email, password }).expect(200);
    return `Bearer ${res.body.accessToken}`;
  };

  /** An approved seller with one sneaker on sale in size 270 (3 pairs). */
  async function sneakerOnSale(price: number): Promise<{ productId: string; skuId: string; seller: string }> {
    const admin = await logIn(ADMIN.email, ADMIN.password);
    const email = `seller-${randomUUID()}@example.com`;
    const signUp = await request(gateway)
      .post('/users/sellers')
      .send({ email, password: PASSWORD, storeName: 'Drop Shop' })
      .expect(201);
    await request(gateway).post(`/admin/sellers/${signUp.body.id}/approve`).set('authorization', admin).expect(200);
    const seller = await logIn(email);
    const product = await request(gateway)
      .post('/products')
      .set('authorization', seller)
      .send({
        brand: 'Nike',
        modelName: 'Air Jordan 1',
        colorway: 'Chicago',
        price,
        sizes: [{ sizeMm: 270, stock: 3 }],
      })
      .expect(201);
    await request(gateway).post(`/products/${product.body.id}/publish`).set('authorization', seller).expect(200);
    const detail = await request(gateway).get(`/products/${product.body.id}`).expect(200);
    return { productId: product.body.id, skuId: detail.body.sizes[0].skuId, seller };
  }

  /**
   * Places an order and returns it once it left PENDING. Services answer /health/ready before their
   * consumer groups finished joining, so the first orders of a fresh broker may take longer than
   * one `Prefer: wait` window.
   */
  async function placeAndSettle(buyer: string, body: object) {
    const placed = await request(gateway)
      .post('/orders')
      .set('authorization', buyer)
      .set('idempotency-key', randomUUID())
      .set('prefer', 'wait=10')
      .send(body);
    expect(placed.status).toBe(202);
    return eventually(
      'the order to settle',
      async () =>
        (await request(gateway).get(`/orders/${placed.body.id}`).set('authorization', buyer).set('prefer', 'wait=5'))
          .body,
      (order) => order.status !== 'PENDING',
      { timeoutMs: 60_000 },
    );
  }

  async function buyerWithBalance(amount: number): Promise<string> {
    const email = `buyer-${randomUUID()}@example.com`;
    await request(gateway).post('/users/buyers').send({ email, password: PASSWORD }).expect(201);
    const buyer = await logIn(email);
    await request(gateway).post('/wallet/charges').set('authorization', buyer).send({ amount }).expect(201);
    return buyer;
  }

  it('When a buyer orders and pays, then the order is PAID, the stock sold, the money moved, and the data platform got it once', async () => {
    const { productId, skuId } = await sneakerOnSale(189_000);
    const buyer = await buyerWithBalance(500_000);

    const placed = await placeAndSettle(buyer, { lines: [{ skuId, quantity: 1 }] });
    expect(placed).toMatchObject({ status: 'AWAITING_PAYMENT', subtotal: 189_000, discount: 0, amount: 189_000 });
    const orderId: string = placed.id;

    await request(gateway)
      .post(`/orders/${orderId}/payment`)
      .set('authorization', buyer)
      .set('idempotency-key', randomUUID())
      .expect(201);

    await eventually(
      'the order PAID',
      async () => (await request(gateway).get(`/orders/${orderId}`).set('authorization', buyer)).body.status,
      (status) => status === 'PAID',
      { timeoutMs: 30_000 },
    );
    expect((await request(gateway).get('/wallet').set('authorization', buyer)).body.balance).toBe(311_000);
    const sizes = (await request(gateway).get(`/products/${productId}`)).body.sizes;
    expect(sizes[0]).toMatchObject({ skuId, available: 2 });
    await eventually(
      'delivery to the data platform',
      async () => delivered.filter((d) => d.orderId === orderId).length,
      (n) => n >= 1,
      {
        timeoutMs: 30_000,
      },
    );
    const timeline = await request(gateway).get(`/orders/${orderId}/timeline`).set('authorization', buyer);
    expect(timeline.status).toBe(200);
  }, 120_000);

  it('When a buyer orders more than is in stock, then the order is CANCELLED as OUT_OF_STOCK and no money moves', async () => {
    const { skuId } = await sneakerOnSale(99_000);
    const buyer = await buyerWithBalance(500_000);

    const placed = await placeAndSettle(buyer, { lines: [{ skuId, quantity: 5 }] });

    expect(placed).toMatchObject({ status: 'CANCELLED', cancelReason: 'OUT_OF_STOCK' });
    const pay = await request(gateway).post(`/orders/${placed.id}/payment`).set('authorization', buyer);
    expect(pay.status).toBe(409);
    expect((await request(gateway).get('/wallet').set('authorization', buyer)).body.balance).toBe(500_000);
  }, 120_000);

  it('When a buyer pays with a claimed 10% coupon capped at 15,000, then the discount applies and the coupon is USED', async () => {
    const { skuId, seller } = await sneakerOnSale(189_000);
    const now = Date.now();
    const policy = await request(gateway)
      .post('/coupon-policies')
      .set('authorization', seller)
      .send({
        name: 'Drop day 10%',
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
    const buyer = await buyerWithBalance(500_000);
    const coupon = await request(gateway)
      .post(`/coupon-policies/${policy.body.id}/claims`)
      .set('authorization', buyer)
      .expect(201);

    const placed = await placeAndSettle(buyer, { lines: [{ skuId, quantity: 1 }], userCouponId: coupon.body.id });
    expect(placed).toMatchObject({ status: 'AWAITING_PAYMENT', subtotal: 189_000, discount: 15_000, amount: 174_000 });

    await request(gateway).post(`/orders/${placed.id}/payment`).set('authorization', buyer).expect(201);

    await eventually(
      'the coupon USED',
      async () => (await request(gateway).get('/coupons/me').set('authorization', buyer)).body.items?.[0]?.status,
      (status) => status === 'USED',
      { timeoutMs: 30_000 },
    );
    expect((await request(gateway).get('/wallet').set('authorization', buyer)).body.balance).toBe(326_000);
  }, 120_000);
});
