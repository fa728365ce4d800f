import path from 'node:path';
import { startTestService, uniqueName } from '@sneakers/kit/testing';
import type { Redis } from 'ioredis';
import type { CopyLifetimes } from '../../src/sales/popular/redis-day-sales';
import { startCatalogService } from '../../src/service';
import { catalogInbox } from './catalog-inbox';

export type { Caller } from '@sneakers/kit/testing';

export type CatalogApp = Awaited<ReturnType<typeof startCatalogApp>>;

export interface CatalogAppOptions {
  redisUrl?: string;
  now?: () => Date;
  timeZone?: string;
  popularCacheMs?: number;
  /** Rebuild Redis's day sets from the database on every call unless a test asks otherwise. */
  copyLifetimes?: CopyLifetimes;
}

/**
 * catalog-service as its main starts it, in-process on a fresh database and a free port, with a
 * Redis key prefix of its own so no other run's ranking is seen; the test delivers the events.
 */
export async function startCatalogApp(options: CatalogAppOptions = {}) {
  const app = await startTestService(
    path.resolve(__dirname, '../..'),
    (start) =>
      startCatalogService({
        ...start,
        ranking: {
          copyLifetimes: options.copyLifetimes ?? { todayMs: 1, pastDayMs: 1 },
          ...(options.now ? { now: options.now } : {}),
        },
      }),
    {
      ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
      REDIS_KEY_PREFIX: `${uniqueName('catalogtest')}:`,
      SALES_TIME_ZONE: options.timeZone ?? 'Asia/Seoul',
      POPULAR_CACHE_MS: String(options.popularCacheMs ?? 0),
    },
  );
  return { ...app, redis: app.redis as Redis, ...catalogInbox(app.runInTransaction, app.reactions) };
}
