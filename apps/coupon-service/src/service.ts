import { orderLogFields, PLATFORM_TOPICS } from '@sneakers/contracts';
import {
  createLogger,
  createServiceMetrics,
  IN_MEMORY_REDIS,
  loadConfigOrExit,
  runService,
  type ServiceStartOptions,
  stopRedis,
} from '@sneakers/kit';
import { couponRoutes } from './app';
import type { Clock } from './clock';
import { couponServiceEnv } from './config';
import { claimResultMetrics } from './coupon/claim-result.metrics';
import { createDatabase } from './prisma';
import { reactions } from './reactions';
import { createRedis } from './redis';

export interface CouponStartOptions extends ServiceStartOptions {
  /** What the claim windows are judged by; the system's clock unless a test walks their edges. */
  clock?: Clock;
}

export async function startCouponService({ clock, ...options }: CouponStartOptions = {}) {
  const config = loadConfigOrExit(couponServiceEnv, options.env);
  const logger = createLogger('coupon-service', config.LOG_LEVEL);
  const metrics = createServiceMetrics('coupon-service');
  const redis =
    config.REDIS_URL === IN_MEMORY_REDIS
      ? undefined
      : createRedis(config, (error) => logger.warn({ err: error }, 'claim ledger (Redis) unavailable'));

  const running = await runService(
    {
      name: 'coupon-service',
      env: couponServiceEnv,
      createDatabase,
      topics: PLATFORM_TOPICS,
      logFields: orderLogFields,
      subscribesTo: ['order', 'user'],
      keepsSellerStatuses: true,
      metrics,
      reactions: () => reactions,
      routes: ({ runInTransaction }) =>
        couponRoutes({ config, runInTransaction, redis, clock, claimResults: claimResultMetrics(metrics) }),
      // Not ready without Redis: claims would all answer 503, so a balancer should look elsewhere.
      readiness: redis ? [{ name: 'redis', check: async () => void (await redis.ping()) }] : [],
      drain: redis ? [stopRedis(redis)] : [],
    },
    options,
  );
  // The ledger's connection: tests look into it (and cut it).
  return { ...running, redis };
}
