import './instrumentation';
import { createLogger, loadConfigOrExit, runService } from '@sneakers/shared';
import { couponRoutes } from './app';
import { couponServiceEnv } from './config';
import { createPrisma } from './prisma';
import { reactions } from './reactions';
import { createRedis } from './redis';

const config = loadConfigOrExit(couponServiceEnv);
const logger = createLogger('coupon-service', config.LOG_LEVEL);
const redis = createRedis(config, (error) => logger.warn({ err: error }, 'claim ledger (Redis) unavailable'));

void runService({
  name: 'coupon-service',
  env: couponServiceEnv,
  createPrisma,
  subscribesTo: ['order'],
  reactions: () => reactions,
  routes: ({ runInTransaction }) => couponRoutes({ config, runInTransaction, redis }),
  // Not ready without Redis: claims would all answer 503, so a balancer should look elsewhere.
  readiness: [{ name: 'redis', check: async () => void (await redis.ping()) }],
  drain: [{ name: 'redis', stop: async () => void (await redis.quit()) }],
});
