import path from 'node:path';
import { PUBLIC_ROUTES } from '@sneakers/contracts';
import { accessTokenVerifier, createLogger, remoteKeySet } from '@sneakers/kit';
import { createTestDatabase, startService, type TestDatabase, testEnv } from '@sneakers/kit/testing';
import { Redis } from 'ioredis';
import request from 'supertest';
import { createGatewayApp } from '../src/app';

// The real user-service and payment-service, each in its own process with its own database, behind
// an in-process gateway: what a person does in Swagger UI, step by step.
const USER_PORT = 3201;
const PAYMENT_PORT = 3205;
const APPS = path.resolve(__dirname, '../..');
const P = 'https://sneakers.example/problems/';

describe('Sign up, log in, charge and read the balance through the gateway', () => {
  const databases: TestDatabase[] = [];
  let stopUser: () => Promise<void>;
  let stopPayment: () => Promise<void>;
  let redis: Redis;
  let gateway: ReturnType<typeof createGatewayApp>;
  let paymentDb: TestDatabase;
  const jwksUrl = `http://127.0.0.1:${USER_PORT}/.well-known/jwks.json`;

  const startPayment = () =>
    startService(
      'apps/payment-service',
      {
        PORT: String(PAYMENT_PORT),
        DATABASE_URL: paymentDb.url,
        JWKS_URL: jwksUrl,
        KAFKA_BROKERS: testEnv.kafkaBrokers.join(','),
      },
      `http://127.0.0.1:${PAYMENT_PORT}/health/ready`,
    );

  beforeAll(async () => {
    const userDb = await createTestDatabase(path.join(APPS, 'user-service'));
    paymentDb = await createTestDatabase(path.join(APPS, 'payment-service'));
    databases.push(userDb, paymentDb);
    ({ stop: stopUser } = await startService(
      'apps/user-service',
      {
        PORT: String(USER_PORT),
        DATABASE_URL: userDb.url,
        JWKS_URL: jwksUrl,
        KAFKA_BROKERS: testEnv.kafkaBrokers.join(','),
      },
      `http://127.0.0.1:${USER_PORT}/health/ready`,
    ));
    ({ stop: stopPayment } = await startPayment());
    redis = new Redis(testEnv.redisUrl);
    const nowhere = 'http://127.0.0.1:9';
    gateway = createGatewayApp({
      logger: createLogger('gateway-e2e', 'silent'),
      routes: PUBLIC_ROUTES,
      upstreams: {
        'user-service': `http://127.0.0.1:${USER_PORT}`,
        'payment-service': `http://127.0.0.1:${PAYMENT_PORT}`,
        'catalog-service': nowhere,
        'coupon-service': nowhere,
        'order-service': nowhere,
      },
      verifyAccessToken: accessTokenVerifier(remoteKeySet(jwksUrl)),
      redis,
      rateLimitPerMinute: 10_000,
      upstreamTimeoutMs: 5000,
    });
  }, 120_000);

  afterAll(async () => {
    await stopPayment?.();
    await stopUser?.();
    await redis?.quit();
    for (const database of databases) await database.drop();
  }, 60_000);

  it('When a buyer signs up, logs in, charges 50,000 and reads the wallet, then every step answers as documented', async () => {
    const email = `buyer-${Date.now()}@example.com`;
    const signUp = await request(gateway).post('/users/buyers').send({ email, password: 'correct-horse-9' });
    expect(signUp.status).toBe(201);

    const login = await request(gateway).post('/auth/login').send({ email, password: 'correct-horse-9' });
    expect(login.status).toBe(200);
    const auth = `Bearer ${login.body.accessToken}`;

    const me = await request(gateway).get('/users/me').set('authorization', auth);
    expect(me.body).toMatchObject({ email, role: 'BUYER' });

    const charge = await request(gateway)
      .post('/wallet/charges')
      .set('authorization', auth)
      .set('idempotency-key', `charge-${Date.now()}`)
      .send({ amount: 50_000 });
    expect(charge.status).toBe(201);

    const wallet = await request(gateway).get('/wallet').set('authorization', auth);
    expect(wallet.status).toBe(200);
    expect(wallet.body.balance).toBe(50_000);

    const ledger = await request(gateway).get('/wallet/transactions').set('authorization', auth);
    expect(ledger.body.items).toHaveLength(1);
    expect(ledger.body.items[0]).toMatchObject({ amount: 50_000 });
  });

  it('When payment-service is stopped, then the gateway answers 503, and after a restart the balance is intact', async () => {
    const email = `buyer-${Date.now()}-2@example.com`;
    await request(gateway).post('/users/buyers').send({ email, password: 'correct-horse-9' }).expect(201);
    const login = await request(gateway).post('/auth/login').send({ email, password: 'correct-horse-9' });
    const auth = `Bearer ${login.body.accessToken}`;
    await request(gateway).post('/wallet/charges').set('authorization', auth).send({ amount: 7000 }).expect(201);

    await stopPayment();
    const down = await request(gateway).get('/wallet').set('authorization', auth);
    expect(down.status).toBe(503);
    expect(down.body.type).toBe(`${P}gateway/service-unavailable`);

    ({ stop: stopPayment } = await startPayment());
    const back = await request(gateway).get('/wallet').set('authorization', auth);
    expect(back.status).toBe(200);
    expect(back.body.balance).toBe(7000);
  }, 120_000);
});
