import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { createHttpApp, type Identity } from '@sneakers/shared';
import { createTestTokens, type TestTokens, testEnv, uniqueName } from '@sneakers/shared/testing';
import { Redis } from 'ioredis';
import { catalogRoutes } from '../../src/app';
import { popularProducts } from '../../src/sales/popular/popular-products';
import type { CopyLifetimes } from '../../src/sales/popular/redis-day-sales';
import { type CatalogDb, logger, startCatalogDb } from './catalog-db';

/** A caller: who they are and the Authorization header that proves it. */
export interface Caller {
  userId: string;
  authorization: string;
}

export interface CatalogApp extends CatalogDb {
  server: Server;
  tokens: TestTokens;
  redis: Redis;
  /** A new user of `role` with a valid token. */
  caller: (role: Identity['role'], sellerStatus?: Identity['sellerStatus']) => Promise<Caller>;
}

export interface CatalogAppOptions {
  redisUrl?: string;
  now?: () => Date;
  timeZone?: string;
  popularCacheMs?: number;
  /** Rebuild Redis's day sets from the database on every call unless a test asks otherwise. */
  copyLifetimes?: CopyLifetimes;
}

/**
 * catalog-service's HTTP app in-process on a fresh database, listening on a random port, with a
 * Redis key prefix of its own so no other run's ranking is seen.
 */
export async function startCatalogApp(options: CatalogAppOptions = {}): Promise<CatalogApp> {
  const timeZone = options.timeZone ?? 'Asia/Seoul';
  const db = await startCatalogDb(timeZone);
  const tokens = await createTestTokens();
  const redis = new Redis(options.redisUrl ?? testEnv.redisUrl, {
    keyPrefix: `${uniqueName('catalogtest')}:`,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 250,
    retryStrategy: () => 50,
  });
  redis.on('error', () => undefined);
  const popular = popularProducts({
    runInTransaction: db.runInTransaction,
    redis,
    timeZone,
    cacheMs: options.popularCacheMs ?? 0,
    copyLifetimes: options.copyLifetimes ?? { todayMs: 1, pastDayMs: 1 },
    ...(options.now ? { now: options.now } : {}),
  });
  const app = createHttpApp({
    logger,
    routes: catalogRoutes({ runInTransaction: db.runInTransaction, popular }),
    readiness: [],
    verifyAccessToken: tokens.verifier,
  });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return {
    ...db,
    server,
    tokens,
    redis,
    caller: async (role, sellerStatus) => {
      const userId = randomUUID();
      const token = await tokens.sign({ userId, role, ...(sellerStatus ? { sellerStatus } : {}) });
      return { userId, authorization: `Bearer ${token}` };
    },
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      redis.disconnect();
      await db.close();
    },
  };
}
