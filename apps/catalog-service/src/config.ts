import { PLATFORM_SERVICES } from '@sneakers/contracts';
import { redisUrl, serviceEnv } from '@sneakers/kit';
import { z } from 'zod';

const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as Asia/Seoul');

export const catalogServiceEnv = serviceEnv(PLATFORM_SERVICES['catalog-service']).extend({
  /** Sales days (and so the popular ranking's window) start at midnight here. */
  SALES_TIME_ZONE: timeZone.default('Asia/Seoul'),
  REDIS_URL: redisUrl,
  /** Prefix of every key of the ranking's copies, so several deployments (or test files) can share one Redis. */
  REDIS_KEY_PREFIX: z.string().max(64).default('catalog:'),
  /** How long one computed top 5 is served before it is merged again. */
  POPULAR_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
});

export type CatalogServiceConfig = z.infer<typeof catalogServiceEnv>;
