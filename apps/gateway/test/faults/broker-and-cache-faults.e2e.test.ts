import { setTimeout as sleep } from 'node:timers/promises';
import { PrivateRedis, startBroker, stopBroker } from '@sneakers/shared/testing';
import { Redis } from 'ioredis';
import { PLATFORM_SERVICE_NAMES, type Platform, startPlatform } from '../support/platform';
import { checkOutThrough, openStorefront, type Storefront } from './support/fault-round';
import { type ConnectionCounts, ServiceConnections } from './support/service-connections';

// Checkouts and coupon claims through the gateway while the Kafka broker is stopped for 30 s and
// then started as a new process, and while Redis drops every client and then is stopped for 10 s
// (coming back empty, as after a crash). The platform's Redis is a private one, so the shared
// Redis other tests use is never touched.
const KAFKA_PORT = 19392;
const PORTS = { user: 3911, catalog: 3912, coupon: 3913, order: 3914, payment: 3915 } as const;
const BUYERS = 20;
const PRICE = 10_000;
const SIZES = [
  { sizeMm: 260, stock: 2_000 },
  { sizeMm: 270, stock: 2_000 },
  { sizeMm: 280, stock: 12 },
];
/** order-service's default: an unpaid order may stay AWAITING_PAYMENT this long past its deadline. */
const GRACE_MS = 60_000;
const BROKER_DOWN_MS = 30_000;
const REDIS_CLIENTS_KILLED_FOR_MS = 3_000;
const REDIS_DOWN_MS = 10_000;

describe('Faults under checkout load: the broker stopped, Redis dropped and stopped', () => {
  const redis = new PrivateRedis();
  let platform: Platform;
  let storefront: Storefront;
  let connections: ServiceConnections;
  let baseline: ConnectionCounts;

  beforeAll(async () => {
    await redis.start();
    platform = await startPlatform({ kafkaPort: KAFKA_PORT, ports: PORTS, redisUrl: redis.url });
    storefront = await openStorefront(platform, { buyers: BUYERS, price: PRICE, sizes: SIZES });
    connections = await ServiceConnections.open(platform);
    baseline = await connections.counts();
  }, 240_000);

  afterAll(async () => {
    await connections?.close();
    await platform?.stop();
    await redis.stop();
  }, 120_000);

  it('When the broker is stopped for 30 s under load and started again as a new process, then every service says not-ready meanwhile, the invariants hold and nothing died', async () => {
    await checkOutThrough(
      platform,
      storefront,
      {
        name: 'kafka-stopped-30s',
        inject: async () => {
          const stoppedAt = Date.now();
          await stopBroker({ port: KAFKA_PORT });
          await sleep(BROKER_DOWN_MS - (Date.now() - stoppedAt));
        },
        recover: async () => void (await startBroker({ port: KAFKA_PORT })),
        unready: [...PLATFORM_SERVICE_NAMES],
      },
      { connections, baseline, graceMs: GRACE_MS },
    );
  }, 300_000);

  it('When Redis kills every client and then is stopped for 10 s under load, then coupon-service says not-ready meanwhile, the invariants hold and nothing died', async () => {
    await checkOutThrough(
      platform,
      storefront,
      {
        name: 'redis-clients-killed-then-stopped-10s',
        inject: async () => {
          const operator = new Redis(redis.url);
          await operator.call('CLIENT', 'KILL', 'TYPE', 'normal', 'SKIPME', 'yes');
          await operator.quit();
          await sleep(REDIS_CLIENTS_KILLED_FOR_MS);
          await redis.stop();
          await sleep(REDIS_DOWN_MS);
        },
        recover: () => redis.start(),
        unready: ['coupon'],
      },
      { connections, baseline, graceMs: GRACE_MS },
    );
  }, 300_000);
});
