import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { PUBLIC_ROUTES } from '@sneakers/contracts';
import { accessTokenVerifier, answerUnparsableRequests, createLogger, remoteKeySet } from '@sneakers/kit';
import {
  createTestDatabase,
  eventually,
  startBroker,
  startService,
  stopBroker,
  type TestDatabase,
  testEnv,
} from '@sneakers/kit/testing';
import type { Redis } from 'ioredis';
import request from 'supertest';
import { startEmbeddedPlatform } from '../../../platform/src/embedded-platform';
import { createGatewayApp } from '../../src/app';
import { connectRedis } from '../../src/service';

// The whole checkout choreography: five services as separate processes, each with its own
// database, talking only through a Kafka broker of the caller's own (so no other run's events reach
// them), behind an in-process gateway over the real PUBLIC_ROUTES. Nothing is faked.

export const PLATFORM_SERVICE_NAMES = ['user', 'catalog', 'coupon', 'order', 'payment'] as const;
export type ServiceName = (typeof PLATFORM_SERVICE_NAMES)[number];

export const ADMIN = { email: 'admin@sneakers.local', password: 'admin-dev-password' };
export const PASSWORD = 'correct-horse-9';
const APPS = path.resolve(__dirname, '../../..');

export interface PlatformOptions {
  /** Port of the private Kafka broker (its controller takes port + 1). */
  kafkaPort: number;
  ports: Record<ServiceName, number>;
  /** Extra environment per service (e.g. a shorter payment window). */
  env?: Partial<Record<ServiceName, Record<string, string>>>;
  /** The Redis of catalog, coupon and the gateway (default: the shared one), e.g. a PrivateRedis to stop. */
  redisUrl?: string;
}

/** What a checkout test needs of a running platform, whichever adapters it runs on. */
export interface Shop {
  /** Where requests go: an in-process gateway app, or a listening gateway's URL. */
  gateway: ReturnType<typeof createGatewayApp> | string;
  /** A listening gateway (server or URL): one connection pool for many concurrent requests. */
  server: http.Server | string;
  /** What the data platform received, one entry per POST. */
  delivered: Array<{ orderId: string }>;
  stop: () => Promise<void>;
}

export interface Platform extends Shop {
  /** The in-process gateway (express app) over the real PUBLIC_ROUTES. */
  gateway: ReturnType<typeof createGatewayApp>;
  /** The same gateway listening on an ephemeral port. */
  server: http.Server;
  databaseUrls: Record<ServiceName, string>;
  /** Each service's process, e.g. to read its CPU time. */
  pids: Record<ServiceName, number>;
  url: (service: ServiceName) => string;
  jwksUrl: string;
  /** Starts a service again (stopping it first if it still runs) with its port, database and settings. */
  restart: (service: ServiceName) => Promise<void>;
}

export async function startPlatform({
  kafkaPort,
  ports,
  env = {},
  redisUrl = testEnv.redisUrl,
}: PlatformOptions): Promise<Platform> {
  const url = (service: ServiceName) => `http://127.0.0.1:${ports[service]}`;
  const jwksUrl = `${url('user')}/.well-known/jwks.json`;
  const databases: TestDatabase[] = [];
  const running: Array<{ stop: () => Promise<void> }> = [];
  const delivered: Array<{ orderId: string }> = [];
  const databaseUrls = {} as Record<ServiceName, string>;
  const pids = {} as Record<ServiceName, number>;
  const processes = {} as Record<ServiceName, { stop: () => Promise<void> }>;
  const envOf = {} as Record<ServiceName, Record<string, string>>;
  let dataPlatform: http.Server | undefined;
  let server: http.Server | undefined;
  let redis: Redis | undefined;
  let brokerStarted = false;

  const launch = async (service: ServiceName) => {
    const started = await startService(`apps/${service}-service`, envOf[service], `${url(service)}/health/ready`);
    processes[service] = started;
    pids[service] = started.pid;
  };
  const restart = async (service: ServiceName) => {
    await processes[service].stop();
    await launch(service);
  };

  const stop = async () => {
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server?.close(() => resolve()));
    }
    for (const service of running.reverse()) await service.stop();
    await redis?.quit();
    dataPlatform?.closeAllConnections();
    dataPlatform?.close();
    for (const database of databases) await database.drop();
    if (brokerStarted) await stopBroker({ port: kafkaPort });
  };

  try {
    brokerStarted = true;
    const { brokers } = await startBroker({ port: kafkaPort, fresh: true });
    const receiver = await startDeliveryRecorder(delivered);
    dataPlatform = receiver;
    const extra: Record<ServiceName, Record<string, string>> = {
      user: {},
      catalog: { REDIS_URL: redisUrl },
      coupon: { REDIS_URL: redisUrl },
      order: { DATA_PLATFORM_URL: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/paid-orders` },
      payment: {},
    };
    for (const service of PLATFORM_SERVICE_NAMES) {
      const database = await createTestDatabase(path.join(APPS, `${service}-service`));
      databases.push(database);
      databaseUrls[service] = database.url;
      envOf[service] = {
        PORT: String(ports[service]),
        DATABASE_URL: database.url,
        KAFKA_BROKERS: brokers.join(','),
        JWKS_URL: jwksUrl,
        ...extra[service],
        ...env[service],
      };
      await launch(service);
      running.push({ stop: () => processes[service].stop() });
    }
    redis = connectRedis(redisUrl, createLogger('gateway-e2e', 'silent'));
    await once(redis, 'ready'); // the limiter loads its script at once
    const gateway = createGatewayApp({
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
    const listening = http.createServer(gateway);
    answerUnparsableRequests(listening);
    server = listening;
    await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', () => resolve()));
    return { gateway, server: listening, delivered, databaseUrls, pids, url, jwksUrl, restart, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

/**
 * The same platform on its embedded adapters (PGlite, in-process bus, in-memory stand-ins for
 * Redis), in this process, as `npm start` runs it with nothing configured.
 */
export async function startEmbeddedShop({ gatewayPort }: { gatewayPort: number }): Promise<Shop> {
  const delivered: Array<{ orderId: string }> = [];
  const receiver = await startDeliveryRecorder(delivered);
  try {
    const platform = await startEmbeddedPlatform({
      gatewayPort,
      env: { LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', RATE_LIMIT_PER_MINUTE: '100000' },
      serviceEnv: {
        'order-service': {
          DATA_PLATFORM_URL: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/paid-orders`,
        },
      },
    });
    const stop = async () => {
      await platform.stop();
      receiver.closeAllConnections();
      receiver.close();
    };
    return { gateway: platform.gatewayUrl, server: platform.gatewayUrl, delivered, stop };
  } catch (error) {
    receiver.close();
    throw error;
  }
}

/** A stand-in data platform that records every delivery. */
async function startDeliveryRecorder(delivered: Array<{ orderId: string }>): Promise<http.Server> {
  const receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      delivered.push(JSON.parse(body));
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
  return receiver;
}

export async function logIn(platform: Shop, email: string, password = PASSWORD): Promise<string> {
  const res = await request(platform.server).post('/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login of ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  return `Bearer ${res.body.accessToken}`;
}

export interface SneakerOnSale {
  productId: string;
  /** The first size's SKU. */
  skuId: string;
  /** Every size's SKU, in the order of `sizes`. */
  skuIds: string[];
  /** The seller's authorization header. */
  seller: string;
}

/** An approved seller with one sneaker on sale, by default in size 270 (3 pairs). */
export async function sneakerOnSale(
  platform: Shop,
  price: number,
  sizes: Array<{ sizeMm: number; stock: number }> = [{ sizeMm: 270, stock: 3 }],
): Promise<SneakerOnSale> {
  const gateway = platform.server;
  const admin = await logIn(platform, ADMIN.email, ADMIN.password);
  const email = `seller-${randomUUID()}@example.com`;
  const signUp = await request(gateway)
    .post('/users/sellers')
    .send({ email, password: PASSWORD, storeName: 'Drop Shop' })
    .expect(201);
  await request(gateway).post(`/admin/sellers/${signUp.body.id}/approve`).set('authorization', admin).expect(200);
  const seller = await logIn(platform, email);
  const product = await request(gateway)
    .post('/products')
    .set('authorization', seller)
    .send({ brand: 'Nike', modelName: 'Air Jordan 1', colorway: 'Chicago', price, sizes })
    .expect(201);
  await request(gateway).post(`/products/${product.body.id}/publish`).set('authorization', seller).expect(200);
  const detail = await request(gateway).get(`/products/${product.body.id}`).expect(200);
  const skuIds = sizes.map(
    (size) => detail.body.sizes.find((s: { sizeMm: number; skuId: string }) => s.sizeMm === size.sizeMm).skuId,
  );
  return { productId: product.body.id, skuId: skuIds[0] as string, skuIds, seller };
}

/**
 * Places an order and returns it once it left PENDING. Services answer /health/ready before their
 * consumer groups finished joining, so the first orders of a fresh broker may take longer than
 * one `Prefer: wait` window.
 */
export async function placeAndSettle(
  platform: Shop,
  buyer: string,
  body: object,
  { timeoutMs = 60_000 } = {},
): Promise<{ id: string; status: string; [field: string]: unknown }> {
  const gateway = platform.server;
  const placed = await request(gateway)
    .post('/orders')
    .set('authorization', buyer)
    .set('idempotency-key', randomUUID())
    .set('prefer', 'wait=10')
    .send(body);
  if (placed.status !== 202) throw new Error(`POST /orders: ${placed.status} ${JSON.stringify(placed.body)}`);
  return eventually(
    'the order to settle',
    async () =>
      (await request(gateway).get(`/orders/${placed.body.id}`).set('authorization', buyer).set('prefer', 'wait=5'))
        .body,
    (order) => order.status !== 'PENDING',
    { timeoutMs },
  );
}

/** A new buyer, charged `amount` (nothing when 0); returns the authorization header. */
export async function buyerWithBalance(platform: Shop, amount: number): Promise<string> {
  const gateway = platform.server;
  const email = `buyer-${randomUUID()}@example.com`;
  await request(gateway).post('/users/buyers').send({ email, password: PASSWORD }).expect(201);
  const buyer = await logIn(platform, email);
  if (amount > 0) {
    await request(gateway).post('/wallet/charges').set('authorization', buyer).send({ amount }).expect(201);
  }
  return buyer;
}
