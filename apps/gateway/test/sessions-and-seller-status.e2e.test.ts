import { randomUUID } from 'node:crypto';
import { eventually } from '@sneakers/kit/testing';
import request from 'supertest';
import { ADMIN, logIn, PASSWORD, type Shop, startEmbeddedShop, startPlatform } from './support/platform';

// Sessions and sellers' standing through the gateway, on both adapters: as in production (separate
// processes, Kafka of this test's own; see support/platform.ts) and as `npm start` runs it with
// nothing configured (one process, PGlite per service, the in-process bus).
const KAFKA_PORT = 19942;
const PORTS = { user: 3611, catalog: 3612, coupon: 3613, order: 3614, payment: 3615 } as const;
const EMBEDDED_GATEWAY_PORT = 3660;
const NOT_APPROVED = 'https://sneakers.example/problems/auth/seller-not-approved';
const HOUR = 3_600_000;

const sneaker = { brand: 'Nike', modelName: 'Dunk Low', colorway: 'Panda', price: 139_000 };
const policy = () => ({
  name: 'Opening week',
  discountType: 'FIXED',
  discountValue: 5_000,
  minOrderAmount: 50_000,
  totalQuantity: 10,
  claimStartsAt: new Date(Date.now() - HOUR).toISOString(),
  claimEndsAt: new Date(Date.now() + 24 * HOUR).toISOString(),
  validDays: 7,
});

describe.each([
  ['real Kafka, PostgreSQL, Redis', () => startPlatform({ kafkaPort: KAFKA_PORT, ports: PORTS })],
  ['embedded adapters', () => startEmbeddedShop({ gatewayPort: EMBEDDED_GATEWAY_PORT })],
])('Sessions and seller status through the gateway (%s)', (_adapters, start: () => Promise<Shop>) => {
  let platform: Shop;
  let admin: string;
  const gateway = () => platform.server;

  beforeAll(async () => {
    platform = await start();
    admin = await logIn(platform, ADMIN.email, ADMIN.password);
  }, 240_000);

  afterAll(async () => {
    await platform?.stop();
  }, 120_000);

  /** A new seller, logged in while PENDING: the token says so for its whole 15 minutes. */
  async function pendingSeller(): Promise<{ id: string; email: string; token: string }> {
    const email = `seller-${randomUUID()}@example.com`;
    const signUp = await request(gateway())
      .post('/users/sellers')
      .send({ email, password: PASSWORD, storeName: 'Side Street' })
      .expect(201);
    return { id: signUp.body.id, email, token: await logIn(platform, email) };
  }

  const decide = (decision: 'approve' | 'suspend', sellerId: string) =>
    request(gateway()).post(`/admin/sellers/${sellerId}/${decision}`).set('authorization', admin).expect(200);

  /**
   * Waits until both services heard of the decision. The probes carry an empty body: a seller let
   * through gets 400 (invalid body), one refused gets 403 before the body is read, so nothing is written.
   */
  async function untilServicesAnswer(seller: string, status: 400 | 403): Promise<void> {
    for (const path of ['/products', '/coupon-policies']) {
      await eventually(
        `${path} to answer ${status}`,
        async () => (await request(gateway()).post(path).set('authorization', seller).send({})).status,
        (answer) => answer === status,
        { timeoutMs: 20_000 },
      );
    }
  }

  it('When a buyer refreshes its session and then logs out, then the new pair works and the session ends', async () => {
    const email = `buyer-${randomUUID()}@example.com`;
    await request(gateway()).post('/users/buyers').send({ email, password: PASSWORD }).expect(201);
    const login = await request(gateway()).post('/auth/login').send({ email, password: PASSWORD }).expect(200);

    const refreshed = await request(gateway()).post('/auth/refresh').send({ refreshToken: login.body.refreshToken });
    expect(refreshed.status).toBe(200);
    await request(gateway()).get('/users/me').set('authorization', `Bearer ${refreshed.body.accessToken}`).expect(200);
    await request(gateway()).post('/auth/logout').send({ refreshToken: refreshed.body.refreshToken }).expect(204);

    const afterLogOut = await request(gateway())
      .post('/auth/refresh')
      .send({ refreshToken: refreshed.body.refreshToken });
    expect(afterLogOut.status).toBe(401);
  }, 60_000);

  it('When an admin suspends a seller, then its next requests with its old token are refused in catalog and coupon', async () => {
    const seller = await pendingSeller();
    await decide('approve', seller.id);
    const approved = await logIn(platform, seller.email);
    const draft = await request(gateway())
      .post('/products')
      .set('authorization', approved)
      .send({ ...sneaker, sizes: [{ sizeMm: 260, stock: 2 }] })
      .expect(201);

    await decide('suspend', seller.id);
    await untilServicesAnswer(approved, 403);

    const writes = await Promise.all([
      request(gateway())
        .post('/products')
        .set('authorization', approved)
        .send({ ...sneaker, sizes: [{ sizeMm: 270, stock: 1 }] }),
      request(gateway()).post(`/products/${draft.body.id}/publish`).set('authorization', approved),
      request(gateway())
        .put(`/products/${draft.body.id}/sizes/260/stock`)
        .set('authorization', approved)
        .send({ onHand: 9 }),
      request(gateway()).post('/coupon-policies').set('authorization', approved).send(policy()),
    ]);
    for (const write of writes) {
      expect([write.status, write.headers['content-type'], write.body.type]).toEqual([
        403,
        expect.stringContaining('application/problem+json'),
        NOT_APPROVED,
      ]);
    }
    const product = await request(gateway()).get(`/products/${draft.body.id}`);
    expect(product.status).toBe(404); // still a draft: never published
  }, 60_000);

  it('When an admin approves a seller, then its token from before the approval sells without a new log-in', async () => {
    const seller = await pendingSeller();
    const refused = await request(gateway()).post('/coupon-policies').set('authorization', seller.token).send(policy());
    expect([refused.status, refused.body.type]).toEqual([403, NOT_APPROVED]);

    await decide('approve', seller.id);
    await untilServicesAnswer(seller.token, 400);

    const product = await request(gateway())
      .post('/products')
      .set('authorization', seller.token)
      .send({ ...sneaker, sizes: [{ sizeMm: 265, stock: 1 }] });
    expect(product.status).toBe(201);
    await request(gateway())
      .post(`/products/${product.body.id}/publish`)
      .set('authorization', seller.token)
      .expect(200);
    await request(gateway()).post('/coupon-policies').set('authorization', seller.token).send(policy()).expect(201);
  }, 60_000);
});
