import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import path from 'node:path';
import {
  createHttpApp,
  createLogger,
  createPrismaClient,
  type Identity,
  loadConfig,
  prismaTransactionRunner,
  type TransactionRunner,
} from '@sneakers/shared';
import { createTestDatabase, createTestTokens, type TestTokens, testEnv, uniqueName } from '@sneakers/shared/testing';
import type { Redis } from 'ioredis';
import request from 'supertest';
import { couponDeps, couponRoutes } from '../../src/app';
import type { Clock } from '../../src/clock';
import { couponServiceEnv } from '../../src/config';
import type { CouponDeps } from '../../src/coupon/coupon.deps';
import { PrismaClient } from '../../src/generated/prisma/client';
import type { Tx } from '../../src/prisma';
import { createRedis } from '../../src/redis';

export const logger = createLogger('coupon-test', process.env.TEST_LOG_LEVEL ?? 'silent');

export interface Caller {
  userId: string;
  authorization: string;
}

export interface CouponApp {
  server: Server;
  prisma: PrismaClient;
  redis: Redis;
  keyPrefix: string;
  tokens: TestTokens;
  runInTransaction: TransactionRunner<Tx>;
  /** The use cases' dependencies, for calling them directly (the storm tests). */
  deps: CouponDeps;
  /** Moves the injected clock (every endpoint decides by it). */
  setNow: (now: Date) => void;
  caller: (role: Identity['role'], sellerStatus?: Identity['sellerStatus']) => Promise<Caller>;
  close: () => Promise<void>;
}

export interface CouponAppOptions {
  /** A Redis URL of its own (e.g. another logical DB index) for tests that flush it. */
  redisUrl?: string;
  now?: Date;
  poolSize?: number;
  /** Variables beyond the defaults, parsed as the service parses its environment. */
  env?: Record<string, string>;
}

/**
 * coupon-service's HTTP app in-process on a fresh database, listening on a random port. Its Redis
 * keys carry a prefix no other test file uses, so runs never see each other's ledgers.
 */
export async function startCouponApp({
  redisUrl,
  now,
  poolSize = 20,
  env = {},
}: CouponAppOptions = {}): Promise<CouponApp> {
  const database = await createTestDatabase(path.resolve(__dirname, '../..'));
  const prisma = createPrismaClient(PrismaClient, database.url, { max: poolSize });
  const runInTransaction = prismaTransactionRunner<Tx>(prisma, { maxWaitMs: 60_000, timeoutMs: 60_000 });
  const keyPrefix = `${uniqueName('coupontest')}:`;
  const config = loadConfig(couponServiceEnv, {
    REDIS_URL: redisUrl ?? testEnv.redisUrl,
    REDIS_KEY_PREFIX: keyPrefix,
    ...env,
  });
  const redis = createRedis(config);
  let current = now;
  const clock: Clock = () => current ?? new Date();
  const tokens = await createTestTokens();
  const app = createHttpApp({
    logger,
    routes: couponRoutes({ config, runInTransaction, redis, clock }),
    readiness: [],
    verifyAccessToken: tokens.verifier,
  });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return {
    server,
    prisma,
    redis,
    keyPrefix,
    tokens,
    runInTransaction,
    deps: couponDeps({ config, runInTransaction, redis, clock }),
    setNow: (next) => {
      current = next;
    },
    caller: async (role, sellerStatus) => {
      const userId = randomUUID();
      const token = await tokens.sign({ userId, role, ...(sellerStatus ? { sellerStatus } : {}) });
      return { userId, authorization: `Bearer ${token}` };
    },
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      const keys = await redis.keys(`${keyPrefix}*`).catch(() => []);
      if (keys.length > 0) await redis.del(...keys).catch(() => undefined);
      redis.disconnect();
      await prisma.$disconnect();
      await database.drop();
    },
  };
}

/**
 * The storm tests start every claim at the same instant in one process, so the last of 11,000
 * scripts is answered long after it was sent while the event loop is busy with the rest; a real
 * server bounds that by its connections. A generous timeout keeps them deciding, not timing out
 * (claim-under-redis-timeouts.test.ts covers what a timeout leaves behind).
 */
export const STORM_ENV = { REDIS_COMMAND_TIMEOUT_MS: '10000' };

export const HOUR = 60 * 60 * 1000;

/** A valid policy body, open from an hour ago to a day from `now`. */
export function policyTerms(now = new Date(), overrides: Record<string, unknown> = {}) {
  return {
    name: 'Launch week 10%',
    discountType: 'PERCENT',
    discountValue: 10,
    maxDiscount: 20_000,
    minOrderAmount: 50_000,
    totalQuantity: 100,
    claimStartsAt: new Date(now.getTime() - HOUR).toISOString(),
    claimEndsAt: new Date(now.getTime() + 24 * HOUR).toISOString(),
    validDays: 7,
    ...overrides,
  };
}

/** Creates a policy as `seller` and returns its id. */
export async function createPolicy(app: CouponApp, seller: Caller, terms: Record<string, unknown>): Promise<string> {
  const response = await request(app.server)
    .post('/coupon-policies')
    .set('Authorization', seller.authorization)
    .send(terms);
  if (response.status !== 201)
    throw new Error(`policy not created: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}

/** `{ 201: 50, 409: 150 }`: how many responses had each status. */
export function countStatuses(responses: Array<{ status: number }>): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const { status } of responses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}
