import { PLATFORM_SERVICES } from '@sneakers/contracts';
import { redisUrl, serviceEnv } from '@sneakers/kit';
import { z } from 'zod';

export const couponServiceEnv = serviceEnv(PLATFORM_SERVICES['coupon-service']).extend({
  /** Where the first-come-first-served claim ledger lives (a logical DB index may follow the port). */
  REDIS_URL: redisUrl,
  /** Prefix of every ledger key, so several deployments (or test files) can share one Redis. */
  REDIS_KEY_PREFIX: z.string().max(64).default('coupon:'),
  /**
   * How long a claim waits for Redis before answering 503. Short on purpose: a storm must not pile
   * up requests behind a dead store, and the database path alone cannot serve a storm.
   */
  REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(10).max(10_000).default(500),
});

export type CouponServiceConfig = z.infer<typeof couponServiceEnv>;
