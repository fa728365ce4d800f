import {
  createLogger,
  createServiceMetrics,
  IN_MEMORY_REDIS,
  loadConfigOrExit,
  runService,
  type ServiceStartOptions,
} from '@sneakers/shared';
import { couponRoutes } from './app';
import { couponServiceEnv } from './config';
import { claimResultMetrics } from './coupon/claim-result.metrics';
import { createPrisma } from './prisma';
import { reactions } from './reactions';
import { createRedis } from './redis';

export async function startCouponService(options: ServiceStartOptions = {}) {
  const config = loadConfigOrExit(couponServiceEnv, options.env);
  const logger = createLogger('coupon-service', config.LOG_LEVEL);
  const metrics = createServiceMetrics('coupon-service');
  const redis =
    config.REDIS_URL === IN_MEMORY_REDIS
      ? undefined
      : createRedis(config, (error) => logger.warn({ err: error }, 'claim ledger (Redis) unavailable'));

  return runService(
    {
      name: 'coupon-service',
      env: couponServiceEnv,
      createPrisma,
      subscribesTo: ['order', 'user'],
      keepsSellerStatuses: true,
      metrics,
      reactions: () => reactions,
      routes: ({ runInTransaction }) =>
        couponRoutes({ config, runInTransaction, redis, claimResults: claimResultMetrics(metrics) }),
      // Not ready without Redis: claims would all answer 503, so a balancer should look elsewhere.
      readiness: redis ? [{ name: 'redis', check: async () => void (await redis.ping()) }] : [],
      drain: redis ? [{ name: 'redis', stop: async () => void (await redis.quit()) }] : [],
    },
    options,
  );
}
