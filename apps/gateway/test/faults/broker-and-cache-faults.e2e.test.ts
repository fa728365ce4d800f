import { setTimeout as sleep } from 'node:timers/promises';
import { PrivateRedis, startBroker, stopBroker } from '@sneakers/kit/testing';
import { Redis } from 'ioredis';
import { PLATFORM_SERVICE_NAMES } from '../support/platform';
import { checkOutThrough, type FaultyShop, openFaultyShop } from './support/fault-round';

// Checkouts and coupon claims through the gateway while the Kafka broker is stopped for 30 s and
// then started as a new process, and while Redis drops every client and then is stopped for 10 s
// (coming back empty, as after a crash). The platform's Redis is a private one, so the shared
// Redis other tests use is never touched.
const KAFKA_PORT = 19392;
const PORTS = { user: 3911, catalog: 3912, coupon: 3913, order: 3914, payment: 3915 } as const;
const BROKER_DOWN_MS = 30_000;
const REDIS_CLIENTS_KILLED_FOR_MS = 3_000;
const REDIS_DOWN_MS = 10_000;

describe('Faults under checkout load: the broker stopped, Redis dropped and stopped', () => {
  const redis = new PrivateRedis();
  let shop: FaultyShop;

  beforeAll(async () => {
    await redis.start();
    shop = await openFaultyShop({ kafkaPort: KAFKA_PORT, ports: PORTS, redisUrl: redis.url });
  }, 240_000);

  afterAll(async () => {
    await shop?.stop();
    await redis.stop();
  }, 120_000);

  it('When the broker is stopped for 30 s under load and started again as a new process, then every service says not-ready meanwhile, the invariants hold and nothing died', async () => {
    await checkOutThrough(shop, {
      name: 'kafka-stopped-30s',
      inject: async () => {
        const stoppedAt = Date.now();
        await stopBroker({ port: KAFKA_PORT });
        await sleep(BROKER_DOWN_MS - (Date.now() - stoppedAt));
      },
      recover: async () => void (await startBroker({ port: KAFKA_PORT })),
      unready: [...PLATFORM_SERVICE_NAMES],
    });
  }, 300_000);

  it('When Redis kills every client and then is stopped for 10 s under load, then coupon-service says not-ready meanwhile, the invariants hold and nothing died', async () => {
    await checkOutThrough(shop, {
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
    });
  }, 300_000);
});
