import path from 'node:path';
import { createLogger } from '@sneakers/kit';
import { type Caller, startTestService, uniqueName } from '@sneakers/kit/testing';
import type { Redis } from 'ioredis';
import request from 'supertest';
import { couponDeps } from '../../src/app';
import type { Clock } from '../../src/clock';
import { startCouponService } from '../../src/service';

export type { Caller } from '@sneakers/kit/testing';

export const logger = createLogger('coupon-test', process.env.TEST_LOG_LEVEL ?? 'silent');

export type CouponApp = Awaited<ReturnType<typeof startCouponApp>>;

export interface CouponAppOptions {
  /** A Redis URL of its own (e.g. another logical DB index) for tests that flush it. */
  redisUrl?: string;
  now?: Date;
  /** Variables beyond the defaults, parsed as the service parses its environment. */
  env?: Record<string, string>;
}

/**
 * coupon-service as its main starts it, in-process on a fresh database and a free port, on a clock
 * the test can move. Its Redis keys carry a prefix no other test file uses, so runs never see each
 * other's ledgers.
 */
export async function startCouponApp({ redisUrl, now, env = {} }: CouponAppOptions = {}) {
  const keyPrefix = `${uniqueName('coupontest')}:`;
  let current = now;
  const clock: Clock = () => current ?? new Date();
  const app = await startTestService(
    path.resolve(__dirname, '../..'),
    (options) => startCouponService({ ...options, clock }),
    { ...(redisUrl ? { REDIS_URL: redisUrl } : {}), REDIS_KEY_PREFIX: keyPrefix, ...env },
  );
  const redis = app.redis as Redis;
  return {
    ...app,
    redis,
    keyPrefix,
    /** The use cases' dependencies, for calling them directly (the storm tests). */
    deps: couponDeps({ config: { REDIS_KEY_PREFIX: keyPrefix }, runInTransaction: app.runInTransaction, redis, clock }),
    /** Moves the injected clock (every endpoint decides by it). */
    setNow: (next: Date) => {
      current = next;
    },
    close: async () => {
      const keys = await redis.keys(`${keyPrefix}*`).catch(() => []);
      if (keys.length > 0) await redis.del(...keys).catch(() => undefined);
      await app.close();
    },
  };
}

/**
 * The storm tests start every claim at the same instant in one process, so the last of 11,000
 * scripts (and transactions) is answered long after it was sent while the event loop is busy with
 * the rest; a real server bounds that by its connections. Generous waits keep them deciding, not
 * timing out (claim-under-redis-timeouts.test.ts covers what a timeout leaves behind).
 */
export const STORM_ENV = { REDIS_COMMAND_TIMEOUT_MS: '10000', TRANSACTION_MAX_WAIT_MS: '60000' };

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
