import { randomUUID } from 'node:crypto';
import { PUBLIC_ROUTES } from '@sneakers/contracts';
import { createKafka, createLogger, ensureTopics, PROBLEM_BASE } from '@sneakers/kit';
import { withClient } from '@sneakers/kit/prisma-migrate';
import request from 'supertest';
import {
  ADMIN,
  buyerWithBalance,
  logIn,
  PASSWORD,
  PLATFORM_SERVICE_NAMES,
  type Platform,
  placeAndSettle,
  type ServiceName,
  sneakerOnSale,
  startPlatform,
} from './support/platform';

// Every route whose contract says `idempotent: true`, through the gateway to the real services:
// sent once with a key, then again with the same key, the answer is the first one again (status,
// Location, Content-Type, the very bytes of the body) marked `Idempotent-Replayed: true`; and the key
// sent with another ask is refused. A new idempotent contract fails here until it has its case.
const KAFKA_PORT = 19972;
const PORTS = { user: 3631, catalog: 3632, coupon: 3633, order: 3634, payment: 3635 } as const;
const PRICE = 100_000;
/** Where the planted dead letters go back to: a topic of this test's own, read by nobody. */
const REPLAY_TOPIC = 'idempotency-e2e.replays';

const IDEMPOTENT_ROUTES = PUBLIC_ROUTES.filter((route) => route.idempotent).map(
  (route) => `${route.method.toUpperCase()} ${route.path}`,
);

interface Ask {
  path: string;
  body?: object;
}

interface Case extends Ask {
  /** The caller's authorization header; none on a public route. */
  as?: string;
  status: number;
  /** Where a created resource is, from the first answer's body. */
  location?: (body: { id: string }) => string;
  /** The same route (or another) asking for something else, under the same key. */
  other: Ask;
}

interface Shop {
  admin: string;
  seller: string;
  buyer: string;
  /** Two sellers signed up, still PENDING: one to approve, one to suspend. */
  pending: { toApprove: string; toSuspend: string };
  productId: string;
  skuId: string;
  policies: [string, string];
  orders: { toPay: string; toCancel: string };
  /** A dead letter planted in each service's archive. */
  letters: Record<ServiceName, string>;
}

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
const policyTerms = (name: string) => ({
  name,
  discountType: 'FIXED',
  discountValue: 5_000,
  minOrderAmount: 0,
  totalQuantity: 10,
  claimStartsAt: inHours(-1),
  claimEndsAt: inHours(1),
  validDays: 7,
});
const newProduct = (modelName: string) => ({
  brand: 'Nike',
  modelName,
  colorway: 'Panda',
  price: PRICE,
  sizes: [{ sizeMm: 270, stock: 2 }],
});

/** One case per idempotent route: what to send, as whom, and what answers. */
const CASES: Record<string, (shop: Shop) => Case> = {
  'POST /users/buyers': () => {
    const email = `idem-buyer-${randomUUID()}@example.com`;
    return {
      path: '/users/buyers',
      body: { email, password: PASSWORD },
      status: 201,
      other: { path: '/users/buyers', body: { email, password: `${PASSWORD}!` } },
    };
  },
  'POST /users/sellers': () => {
    const email = `idem-seller-${randomUUID()}@example.com`;
    return {
      path: '/users/sellers',
      body: { email, password: PASSWORD, storeName: 'Once Only' },
      status: 201,
      other: { path: '/users/sellers', body: { email, password: PASSWORD, storeName: 'Twice' } },
    };
  },
  'POST /admin/sellers/{sellerId}/approve': ({ admin, pending }) => ({
    as: admin,
    path: `/admin/sellers/${pending.toApprove}/approve`,
    status: 200,
    other: { path: `/admin/sellers/${pending.toSuspend}/approve` },
  }),
  'POST /admin/sellers/{sellerId}/suspend': ({ admin, pending }) => ({
    as: admin,
    path: `/admin/sellers/${pending.toSuspend}/suspend`,
    status: 200,
    other: { path: `/admin/sellers/${pending.toApprove}/suspend` },
  }),
  'POST /wallet/charges': ({ buyer }) => ({
    as: buyer,
    path: '/wallet/charges',
    body: { amount: 10_000 },
    status: 201,
    other: { path: '/wallet/charges', body: { amount: 20_000 } },
  }),
  'POST /orders/{orderId}/payment': ({ buyer, orders }) => ({
    as: buyer,
    path: `/orders/${orders.toPay}/payment`,
    status: 201,
    other: { path: `/orders/${orders.toCancel}/payment` },
  }),
  'POST /products': ({ seller }) => ({
    as: seller,
    path: '/products',
    body: newProduct('Dunk Low'),
    status: 201,
    location: ({ id }) => `/products/${id}`,
    other: { path: '/products', body: newProduct('Dunk High') },
  }),
  'POST /products/{productId}/sizes/{sizeMm}/stock-adjustments': ({ seller, productId }) => ({
    as: seller,
    path: `/products/${productId}/sizes/270/stock-adjustments`,
    body: { delta: 2 },
    status: 200,
    other: { path: `/products/${productId}/sizes/270/stock-adjustments`, body: { delta: 3 } },
  }),
  'POST /coupon-policies': ({ seller }) => ({
    as: seller,
    path: '/coupon-policies',
    body: policyTerms('Once 5,000 off'),
    status: 201,
    other: { path: '/coupon-policies', body: policyTerms('Twice 5,000 off') },
  }),
  'POST /coupon-policies/{policyId}/claims': ({ buyer, policies: [policy, another] }) => ({
    as: buyer,
    path: `/coupon-policies/${policy}/claims`,
    status: 201,
    other: { path: `/coupon-policies/${another}/claims` },
  }),
  'POST /orders': ({ buyer, skuId }) => ({
    as: buyer,
    path: '/orders',
    body: { lines: [{ skuId, quantity: 1 }] },
    status: 202,
    location: ({ id }) => `/orders/${id}`,
    other: { path: '/orders', body: { lines: [{ skuId, quantity: 2 }] } },
  }),
  'POST /orders/{orderId}/cancel': ({ buyer, orders }) => ({
    as: buyer,
    path: `/orders/${orders.toCancel}/cancel`,
    status: 200,
    other: { path: `/orders/${orders.toPay}/cancel` },
  }),
  ...Object.fromEntries(
    PLATFORM_SERVICE_NAMES.flatMap((service) => {
      const base = `/admin/operations/${service}-service/dead-letters`;
      const replayOne = (shop: Shop): Case => ({
        as: shop.admin,
        path: `${base}/${encodeURIComponent(shop.letters[service])}/replay`,
        status: 200,
        other: { path: `${base}/${encodeURIComponent(`${REPLAY_TOPIC}.dlq:0:999`)}/replay` },
      });
      const replayAll = (shop: Shop): Case => ({ ...replayOne(shop), path: `${base}/replay` });
      return [
        [`POST ${base}/{letterId}/replay`, replayOne],
        [`POST ${base}/replay`, replayAll],
      ];
    }),
  ),
};

describe('Every idempotent route replays its first answer', () => {
  let platform: Platform;
  let shop: Shop;

  const send = (ask: Ask, key: string, as?: string) => {
    const req = request(platform.server).post(ask.path).set('idempotency-key', key);
    if (as) req.set('authorization', as);
    return ask.body ? req.send(ask.body) : req;
  };

  beforeAll(async () => {
    platform = await startPlatform({ kafkaPort: KAFKA_PORT, ports: PORTS });
    const admin = await logIn(platform, ADMIN.email, ADMIN.password);
    const { seller, productId, skuId } = await sneakerOnSale(platform, PRICE, [{ sizeMm: 270, stock: 5 }]);
    const buyer = await buyerWithBalance(platform, 500_000);
    const policies = [];
    for (const name of ['Claim me', 'Not me']) {
      const policy = await request(platform.server)
        .post('/coupon-policies')
        .set('authorization', seller)
        .send(policyTerms(name))
        .expect(201);
      policies.push(policy.body.id as string);
    }
    const orders = [];
    for (let i = 0; i < 2; i += 1) {
      const order = await placeAndSettle(platform, buyer, { lines: [{ skuId, quantity: 1 }] });
      expect(order.status).toBe('AWAITING_PAYMENT');
      orders.push(order.id);
    }
    const pending = [];
    for (let i = 0; i < 2; i += 1) {
      const signUp = await request(platform.server)
        .post('/users/sellers')
        .send({ email: `idem-pending-${randomUUID()}@example.com`, password: PASSWORD, storeName: 'Pending' })
        .expect(201);
      pending.push(signUp.body.id as string);
    }
    shop = {
      admin,
      seller,
      buyer,
      pending: { toApprove: pending[0] as string, toSuspend: pending[1] as string },
      productId,
      skuId,
      policies: policies as [string, string],
      orders: { toPay: orders[0] as string, toCancel: orders[1] as string },
      letters: await plantDeadLetters(platform),
    };
  }, 300_000);

  afterAll(() => platform?.stop(), 120_000);

  it('When the idempotent contracts are listed, then each has a case here and each case a contract', () => {
    expect(IDEMPOTENT_ROUTES.filter((route) => !(route in CASES))).toEqual([]);
    expect(Object.keys(CASES).filter((route) => !IDEMPOTENT_ROUTES.includes(route))).toEqual([]);
  });

  it.each(IDEMPOTENT_ROUTES)(
    'When %s is sent again with its key, then the first answer comes back; another ask with the key is 422',
    async (route) => {
      const ask = CASES[route]?.(shop);
      if (!ask) throw new Error(`no case for ${route}`);
      const key = randomUUID();

      const first = await send(ask, key, ask.as);
      const again = await send(ask, key, ask.as);
      const other = await send(ask.other, key, ask.as);

      expect({ status: first.status, replayed: first.headers['idempotent-replayed'] }).toEqual({
        status: ask.status,
        replayed: undefined,
      });
      const answer = (res: typeof first) => ({
        status: res.status,
        location: res.headers.location,
        contentType: res.headers['content-type'],
        body: res.text,
      });
      expect(answer(again)).toEqual(answer(first));
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(first.headers.location).toBe(ask.location?.(first.body));
      expect({ status: other.status, type: other.body.type }).toEqual({
        status: 422,
        type: `${PROBLEM_BASE}idempotency/key-reused`,
      });
    },
  );
});

/** One dead letter in each service's archive, as if a consumer had given up on it; returns their ids. */
async function plantDeadLetters(platform: Platform): Promise<Record<ServiceName, string>> {
  const kafka = createKafka({
    clientId: 'idempotency-e2e',
    brokers: [`127.0.0.1:${KAFKA_PORT}`],
    logger: createLogger('idempotency-e2e', 'silent'),
  });
  await ensureTopics(kafka, [{ topic: REPLAY_TOPIC, numPartitions: 1 }]);
  const letters = {} as Record<ServiceName, string>;
  for (const [offset, service] of PLATFORM_SERVICE_NAMES.entries()) {
    const id = `${REPLAY_TOPIC}.dlq:0:${offset}`;
    await withClient(platform.databaseUrls[service], (client) =>
      client.query(
        `INSERT INTO dead_letters (id, consumer_group, original_topic, original_partition, original_offset,
           value, headers, reason, attempts, dead_lettered_at)
         VALUES ($1, 'idempotency-e2e', $2, 0, $3, convert_to('{}', 'UTF8'), '[]', 'planted by the test', 1, now())`,
        [id, REPLAY_TOPIC, offset],
      ),
    );
    letters[service] = id;
  }
  return letters;
}
