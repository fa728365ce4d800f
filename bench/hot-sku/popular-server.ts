/**
 * catalog-service's HTTP routes alone (no Kafka consumer, no relay) for the popular-products load
 * test: a child process, so the load generator does not share its event loop. Reads DATABASE_URL,
 * REDIS_URL and PORT; prints "ready" when listening.
 */
import { createHttpApp, createLogger, createPrismaClient, type TransactionRunner } from '@sneakers/shared';
import { createTestTokens } from '@sneakers/shared/testing';
import { Redis } from 'ioredis';
import { catalogRoutes } from '../../apps/catalog-service/src/app';
import { PrismaClient } from '../../apps/catalog-service/src/generated/prisma/client';
import type { Tx } from '../../apps/catalog-service/src/prisma';
import { popularProducts } from '../../apps/catalog-service/src/sales/popular/popular-products';

async function main() {
  const prisma = createPrismaClient(PrismaClient, process.env.DATABASE_URL as string, 10);
  const runInTransaction: TransactionRunner<Tx> = (work) => prisma.$transaction(work);
  const redis = new Redis(process.env.REDIS_URL as string, {
    keyPrefix: process.env.REDIS_PREFIX ?? 'catalogbench:',
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 250,
  });
  await new Promise((resolve) => redis.once('ready', resolve));
  const popular = popularProducts({ runInTransaction, redis, timeZone: 'Asia/Seoul', cacheMs: 1_000 });
  const app = createHttpApp({
    logger: createLogger('catalog-bench', 'silent'),
    routes: catalogRoutes({ runInTransaction, popular }),
    readiness: [],
    verifyAccessToken: (await createTestTokens()).verifier,
  });
  app.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
}

void main();
