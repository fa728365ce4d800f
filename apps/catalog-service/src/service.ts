import {
  createLogger,
  IN_MEMORY_REDIS,
  type Logger,
  loadConfigOrExit,
  runService,
  type ServiceStartOptions,
} from '@sneakers/shared';
import { Redis } from 'ioredis';
import { catalogRoutes } from './app';
import { catalogServiceEnv } from './config';
import { createPrisma } from './prisma';
import { catalogReactions } from './reactions';
import { lockStockForRun } from './reservation/reactions/lock-stock-for-run';
import { popularProducts } from './sales/popular/popular-products';

export async function startCatalogService(options: ServiceStartOptions = {}) {
  const config = loadConfigOrExit(catalogServiceEnv, options.env);
  const logger = createLogger('catalog-service', config.LOG_LEVEL);
  const redis = config.REDIS_URL === IN_MEMORY_REDIS ? undefined : connectRedis(config.REDIS_URL, logger);

  return runService(
    {
      name: 'catalog-service',
      env: catalogServiceEnv,
      createPrisma,
      subscribesTo: ['order', 'user'],
      keepsSellerStatuses: true,
      reactions: () => catalogReactions(config),
      lockRun: lockStockForRun,
      routes: ({ runInTransaction }) => {
        const popular = popularProducts({
          runInTransaction,
          redis,
          timeZone: config.SALES_TIME_ZONE,
          cacheMs: config.POPULAR_CACHE_MS,
          logger,
        });
        return catalogRoutes({ runInTransaction, popular });
      },
      // No Redis readiness check on purpose: the ranking falls back to PostgreSQL without it.
      drain: redis ? [{ name: 'redis', stop: async () => void (await redis.quit()) }] : [],
    },
    options,
  );
}

// Fail fast while Redis is away (no offline queue, one try): the ranking then comes from the
// database, and ioredis keeps reconnecting in the background.
function connectRedis(url: string, logger: Logger): Redis {
  const redis = new Redis(url, {
    keyPrefix: 'catalog:',
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 250,
  });
  redis.on('error', (error) => logger.warn({ err: error }, 'redis unavailable'));
  return redis;
}
