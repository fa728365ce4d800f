import { orderLogFields, PLATFORM_TOPICS } from '@sneakers/contracts';
import {
  createLogger,
  IN_MEMORY_REDIS,
  type Logger,
  loadConfigOrExit,
  pgTransactionRunner,
  runService,
  type ServiceStartOptions,
  stopRedis,
} from '@sneakers/kit';
import { Redis } from 'ioredis';
import { catalogRoutes } from './app';
import { type CatalogServiceConfig, catalogServiceEnv } from './config';
import { createDatabase } from './prisma';
import { catalogReactions } from './reactions';
import { lockStockForRun } from './reservation/reactions/lock-stock-for-run';
import { type PopularProductsDeps, popularProducts } from './sales/popular/popular-products';

export interface CatalogStartOptions extends ServiceStartOptions {
  /** A test's hold on the ranking: the clock it ranks by, how soon its Redis copies are rebuilt. */
  ranking?: Pick<PopularProductsDeps, 'now' | 'copyLifetimes'>;
}

export async function startCatalogService({ ranking, ...options }: CatalogStartOptions = {}) {
  const config = loadConfigOrExit(catalogServiceEnv, options.env);
  const logger = createLogger('catalog-service', config.LOG_LEVEL);
  const redis = config.REDIS_URL === IN_MEMORY_REDIS ? undefined : connectRedis(config, logger);

  const running = await runService(
    {
      name: 'catalog-service',
      env: catalogServiceEnv,
      createDatabase,
      transactions: pgTransactionRunner,
      topics: PLATFORM_TOPICS,
      logFields: orderLogFields,
      subscribesTo: ['order', 'user'],
      keepsSellerStatuses: true,
      reactions: () => catalogReactions(config),
      lockRun: lockStockForRun,
      routes: ({ runInTransaction, sql, prisma }) => {
        const popular = popularProducts({
          reads: sql,
          redis,
          timeZone: config.SALES_TIME_ZONE,
          cacheMs: config.POPULAR_CACHE_MS,
          logger,
          ...ranking,
        });
        return catalogRoutes({ runInTransaction, reads: sql, prisma, popular });
      },
      // No Redis readiness check on purpose: the ranking falls back to PostgreSQL without it.
      drain: redis ? [stopRedis(redis)] : [],
    },
    options,
  );
  // The ranking's connection: tests look into it.
  return { ...running, redis };
}

// Fail fast while Redis is away (no offline queue, one try): the ranking then comes from the
// database, and ioredis keeps reconnecting in the background.
function connectRedis(config: Pick<CatalogServiceConfig, 'REDIS_URL' | 'REDIS_KEY_PREFIX'>, logger: Logger): Redis {
  const redis = new Redis(config.REDIS_URL, {
    keyPrefix: config.REDIS_KEY_PREFIX,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 250,
  });
  redis.on('error', (error) => logger.warn({ err: error }, 'redis unavailable'));
  return redis;
}
