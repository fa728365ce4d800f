import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { PUBLIC_ROUTES } from '@sneakers/contracts';
import { PROBLEM_BASE, type Role } from '@sneakers/kit';
import fc from 'fast-check';
import request from 'supertest';
import { badRequests, type Operation } from './support/bad-requests';
import { ADMIN, logIn, PASSWORD, type Platform, sneakerOnSale, startPlatform } from './support/platform';
import { closeRawRequests, type RawAnswer, type RawRequest, rawRequest } from './support/raw-request';

// Hostile requests against the whole platform (five services, their databases, a private Kafka,
// behind the gateway): for every operation of /openapi.json, requests that are valid but for one
// defect, authenticated as the right role so they reach the services: every fixed nasty, then
// FUZZ_RUNS generated ones per operation (FUZZ_SEED replays a failure). Each must get a 4xx
// problem+json, and nothing may change.
const KAFKA_PORT = 19892;
const PORTS = { user: 3811, catalog: 3812, coupon: 3813, order: 3814, payment: 3815 } as const;
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_206);
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** A body each operation accepts; the fuzz breaks one thing in it at a time. */
const goodBodies = (ids: { skuId: string }): Record<string, Record<string, unknown>> => ({
  'POST /users/buyers': { email: `fuzz-${randomUUID()}@example.com`, password: PASSWORD },
  'POST /users/sellers': { email: `fuzz-${randomUUID()}@example.com`, password: PASSWORD, storeName: 'Fuzz Store' },
  'POST /auth/login': { email: 'nobody@example.com', password: PASSWORD },
  'POST /auth/refresh': { refreshToken: 'x'.repeat(43) },
  'POST /auth/logout': { refreshToken: 'x'.repeat(43) },
  'POST /wallet/charges': { amount: 10_000 },
  'POST /products': {
    brand: 'Nike',
    modelName: 'Dunk Low',
    colorway: 'Panda',
    releaseDate: '2021-03-10',
    description: 'Black and white.\nLeather.',
    imageUrls: ['https://img.example/dunk.png'],
    price: 139_000,
    sizes: [{ sizeMm: 270, stock: 2 }],
  },
  'PATCH /products/{productId}': { modelName: 'Dunk High', description: 'Taller.', price: 149_000 },
  'PUT /products/{productId}/sizes/{sizeMm}/stock': { onHand: 7 },
  'POST /products/{productId}/sizes/{sizeMm}/stock-adjustments': { delta: 2 },
  'POST /coupon-policies': {
    name: 'Fuzz 10%',
    discountType: 'PERCENT',
    discountValue: 10,
    maxDiscount: 5_000,
    minOrderAmount: 0,
    totalQuantity: 10,
    claimStartsAt: inDays(1),
    claimEndsAt: inDays(2),
    validDays: 7,
  },
  'PUT /coupon-policies/{policyId}/quantity': { totalQuantity: 500 },
  'POST /orders': { lines: [{ skuId: ids.skuId, quantity: 1 }], userCouponId: randomUUID() },
});

interface OpenApiOperation {
  parameters?: Array<{ name: string; in: string; schema: { type?: string; enum?: unknown; format?: string } }>;
  requestBody?: { content: { 'application/json': { schema: { required?: string[] } } } };
}

describe('Bad input through the gateway', () => {
  let platform: Platform;
  let base: string;
  let admin: string;
  let seller: string;
  let buyer: string;
  let productId: string;
  let skuId: string;
  let policyId: string;
  let sellerId: string;
  let before: unknown;

  const send = (req: RawRequest, to = base) => rawRequest(to, req);
  const expectProblem = (answer: RawAnswer, status: number, type?: string) => {
    expect({ status: answer.status, contentType: answer.contentType }).toEqual({
      status,
      contentType: expect.stringContaining('application/problem+json'),
    });
    if (type) expect(answer.body).toMatchObject({ type: `${PROBLEM_BASE}${type}`, status });
  };
  const json = (authorization?: string) => ({
    'content-type': 'application/json',
    ...(authorization ? { authorization } : {}),
  });

  /** What a bad request must never change: money, stock, orders, coupons, accounts. */
  const snapshot = async () => {
    const get = async (path: string, authorization: string) =>
      (await request(platform.server).get(path).set('authorization', authorization).expect(200)).body;
    return {
      wallet: await get('/wallet', buyer),
      ledger: await get('/wallet/transactions?limit=100', buyer),
      orders: await get('/orders?limit=100', buyer),
      coupons: await get('/coupons/me?limit=100', buyer),
      product: await get(`/products/${productId}`, seller),
      policies: await get('/manage/coupon-policies?limit=100', seller),
      users: await get('/admin/users?limit=100', admin),
    };
  };

  beforeAll(async () => {
    platform = await startPlatform({ kafkaPort: KAFKA_PORT, ports: PORTS });
    base = `http://127.0.0.1:${(platform.server.address() as AddressInfo).port}`;
    admin = await logIn(platform, ADMIN.email, ADMIN.password);
    ({ productId, skuId, seller } = await sneakerOnSale(platform, 120_000));
    sellerId = (await request(platform.server).get('/users/me').set('authorization', seller).expect(200)).body.id;
    const email = `fuzz-buyer-${randomUUID()}@example.com`;
    await request(platform.server).post('/users/buyers').send({ email, password: PASSWORD }).expect(201);
    buyer = await logIn(platform, email);
    await request(platform.server)
      .post('/wallet/charges')
      .set('authorization', buyer)
      .send({ amount: 300_000 })
      .expect(201);
    policyId = (
      await request(platform.server)
        .post('/coupon-policies')
        .set('authorization', seller)
        .send(goodBodies({ skuId })['POST /coupon-policies'])
        .expect(201)
    ).body.id;
    before = await snapshot();
  }, 240_000);

  afterAll(async () => {
    closeRawRequests();
    await platform?.stop();
  }, 120_000);

  describe('Requests that used to answer 500', () => {
    it('When JSON is nested 6,000 deep, then the answer is a 400 problem', async () => {
      const body = `{"email":"a@b.co","password":${'['.repeat(6000)}${']'.repeat(6000)}}`;
      expectProblem(
        await send({ method: 'POST', path: '/auth/login', headers: json(), body }),
        400,
        'http/json-too-deep',
      );
    });

    it.each([
      ['gzip', 400, 'http/undecodable-body'],
      ['deflate', 400, 'http/undecodable-body'],
      ['br', 400, 'http/undecodable-body'],
      ['compress', 415, 'http/unsupported-content-encoding'],
    ])(
      'When the body says Content-Encoding %s but is not, then gateway and service answer %i',
      async (encoding, status, type) => {
        const req = {
          method: 'POST',
          path: '/auth/login',
          headers: { ...json(), 'content-encoding': encoding },
          body: '{"email":"a@b.co","password":"x"}',
        };
        expectProblem(await send(req), status, type);
        expectProblem(await send(req, platform.url('user')), status, type);
      },
    );

    it.each([
      ['POST', '/users/sellers', 'storeName'],
      ['POST', '/products', 'brand'],
      ['POST', '/products', 'modelName'],
      ['POST', '/products', 'colorway'],
      ['POST', '/products', 'description'],
      ['PATCH', '/products/{productId}', 'description'],
      ['POST', '/coupon-policies', 'name'],
    ])('When %s %s has a NUL in %s, then the answer is a 400 problem', async (method, path, field) => {
      const good = goodBodies({ skuId })[`${method} ${path}`] as Record<string, unknown>;
      const authorization = path === '/users/sellers' ? undefined : seller;
      const answer = await send({
        method,
        path: path.replace('{productId}', productId),
        headers: json(authorization),
        body: JSON.stringify({ ...good, [field]: 'Air\u0000Max' }),
      });
      expectProblem(answer, 400, 'http/validation-failed');
    });

    it('When a product filter has a NUL, then the answer is a 400 problem', async () => {
      expectProblem(await send({ method: 'GET', path: '/products?brand=%00' }), 400, 'http/validation-failed');
    });

    it('When a coupon claim starts in year 0, then the answer is a 400 problem', async () => {
      const body = { ...goodBodies({ skuId })['POST /coupon-policies'], claimStartsAt: '0000-01-01T00:00:00Z' };
      const answer = await send({
        method: 'POST',
        path: '/coupon-policies',
        headers: json(seller),
        body: JSON.stringify(body),
      });
      expectProblem(answer, 400, 'http/validation-failed');
    });

    it.each([
      ['/admin/users', () => admin],
      ['/coupon-policies', () => buyer],
      ['/manage/coupon-policies', () => seller],
    ])('When %s gets a forged cursor from year 0, then the answer is a 400 problem', async (path, who) => {
      const cursor = Buffer.from(
        JSON.stringify({ createdAt: '0000-01-01T00:00:00Z', id: '00000000-0000-0000-0000-000000000000' }),
      ).toString('base64url');
      const answer = await send({ method: 'GET', path: `${path}?cursor=${cursor}`, headers: { authorization: who() } });
      expectProblem(answer, 400, 'http/invalid-cursor');
    });

    it.each(['user-service', 'catalog-service', 'coupon-service', 'order-service', 'payment-service'])(
      'When a dead letter id of %s is a NUL, then the answer is a 400 problem',
      async (service) => {
        const answer = await send({
          method: 'POST',
          path: `/admin/operations/${service}/dead-letters/%00/replay`,
          headers: { authorization: admin },
        });
        expectProblem(answer, 400, 'http/validation-failed');
      },
    );

    it('When the Authorization header is 100k characters, then the answer is a 431 problem', async () => {
      const answer = await send({
        method: 'GET',
        path: '/wallet',
        headers: { authorization: `Bearer ${'x'.repeat(100_000)}` },
      });
      expectProblem(answer, 431, 'http/headers-too-large');
    });
  });

  it('When every operation of /openapi.json gets generated bad requests, then each answer is a 4xx problem', async () => {
    const document = (await request(platform.server).get('/openapi.json').expect(200)).body;
    const bodies = goodBodies({ skuId });
    const roles: Record<Role, string> = { ADMIN: admin, SELLER: seller, BUYER: buyer };
    const pathValues: Record<string, string> = {
      productId,
      sizeMm: '270',
      policyId,
      orderId: randomUUID(),
      sellerId,
      letterId: 'fuzz.dlq:0:0',
    };
    const failures: Array<{ operation: string; defect: string; request: RawRequest; answer: RawAnswer }> = [];
    const counts: Array<Record<string, string | number>> = [];
    for (const [path, methods] of Object.entries(document.paths as Record<string, Record<string, OpenApiOperation>>)) {
      for (const [method, spec] of Object.entries(methods)) {
        const id = `${method.toUpperCase()} ${path}`;
        const route = PUBLIC_ROUTES.find((r) => r.method === method && r.path === path);
        if (!route) throw new Error(`${id} is documented but not a public route`);
        const requiredBody = spec.requestBody?.content['application/json'].schema.required;
        if (spec.requestBody && !bodies[id]) throw new Error(`${id} takes a body: add a good one to goodBodies`);
        const access = route.access;
        const query = (spec.parameters ?? []).filter((p) => p.in === 'query');
        const operation: Operation = {
          method: method.toUpperCase(),
          path,
          queryParams: query.map((p) => p.name),
          // A plain string (no enum, no format): free text, as a brand filter is.
          textParams: query
            .filter(({ schema }) => schema.type === 'string' && !schema.enum && !schema.format)
            .map((p) => p.name),
          requiredBody: spec.requestBody ? (requiredBody ?? []) : undefined,
          idempotent: (spec.parameters ?? []).some((p) => p.in === 'header' && p.name === 'idempotency-key'),
          authorization:
            access === 'public' ? undefined : access === 'authenticated' ? buyer : roles[access[0] as Role],
          pathValues: Object.fromEntries(
            (spec.parameters ?? []).filter((p) => p.in === 'path').map((p) => [p.name, pathValues[p.name] ?? 'x']),
          ),
          goodBody: spec.requestBody ? bodies[id] : undefined,
        };
        const tally: Record<string, number> = {};
        // Each operation its own seed, derived from the run's, so they do not all get the same defects.
        const seed = [...id].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) | 0, SEED);
        const { fixed, generated } = badRequests(operation);
        const cases = [...fixed, ...fc.sample(generated, { seed, numRuns: RUNS })];
        for (const { defect, request: req } of cases) {
          const answer = await send(req);
          tally[answer.status] = (tally[answer.status] ?? 0) + 1;
          const problem = answer.body as { type?: unknown };
          const ok =
            answer.status >= 400 &&
            answer.status < 500 &&
            answer.contentType.includes('application/problem+json') &&
            typeof problem?.type === 'string' &&
            problem.type.startsWith(PROBLEM_BASE);
          if (!ok) failures.push({ operation: id, defect, request: req, answer });
        }
        counts.push({ operation: id, fixed: fixed.length, generated: RUNS, ...tally });
      }
    }
    console.table(counts);
    const shown = failures.slice(0, 20).map(({ operation, defect, request: req, answer }) => ({
      operation,
      defect,
      path: req.path.slice(0, 200),
      body: String(req.body ?? '').slice(0, 200),
      status: answer.status,
      answer: JSON.stringify(answer.body).slice(0, 300),
    }));
    expect({ seed: SEED, failures: failures.length, shown }).toEqual({ seed: SEED, failures: 0, shown: [] });
  }, 600_000);

  it('When all bad requests were answered, then no balance, stock, order, coupon or account changed', async () => {
    expect(await snapshot()).toEqual(before);
  });
});
