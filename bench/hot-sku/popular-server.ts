/**
 * catalog-service's HTTP routes on the app every service builds (request ids, the request log at
 * the service's level, metrics; no tracing, no Kafka consumer, no relay) for the popular-products
 * load test: a child process, so the load generator does not share its event loop. Reads
 * DATABASE_URL, REDIS_URL, PORT and LOG_LEVEL (default info, as the service); tells its parent
 * "ready" over IPC when listening, since stdout carries the log, and its CPU time when asked "cpu".
 */
import {
  createHttpApp,
  createLogger,
  createServiceDatabase,
  createServiceMetrics,
  pgSqlExecutor,
  pgTransactionRunner,
} from '@sneakers/kit';
import { createTestTokens } from '@sneakers/kit/testing';
import { Redis } from 'ioredis';
import { catalogRoutes } from '../../apps/catalog-service/src/app';
import { PrismaClient } from '../../apps/catalog-service/src/generated/prisma/client';
import { popularProducts } from '../../apps/catalog-service/src/sales/popular/popular-products';

async function main() {
  const { prisma, pool } = createServiceDatabase(PrismaClient, process.env.DATABASE_URL as string, { max: 10 });
  const runInTransaction = pgTransactionRunner(pool);
  const reads = pgSqlExecutor(pool);
  const redis = new Redis(process.env.REDIS_URL as string, {
    keyPrefix: process.env.REDIS_PREFIX ?? 'catalogbench:',
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 250,
  });
  await new Promise((resolve) => redis.once('ready', resolve));
  const popular = popularProducts({ reads, redis, timeZone: 'Asia/Seoul', cacheMs: 1_000 });
  const app = createHttpApp({
    logger: createLogger('catalog-bench'),
    routes: catalogRoutes({ runInTransaction, reads, prisma, popular }),
    readiness: [],
    metrics: createServiceMetrics('catalog-bench'),
    verifyAccessToken: (await createTestTokens()).verifier,
  });
  // CPU time per request is a steadier figure than a p99 on a shared machine: the parent asks.
  process.on('message', (message) => {
    if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() });
  });
  app.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
}

void main();
