import type { popularProductSchema } from '@sneakers/contracts';
import type { SqlExecutor } from '@sneakers/kit';
import type { Redis } from 'ioredis';
import type { z } from 'zod';
import type { Product } from '../../generated/prisma/client';
import { PRODUCT_COLUMNS } from '../../product/product.repository';
import { productView } from '../../product/product.views';
import { type ProductUnits, salesOfDay, topSellers } from '../sales.repository';
import { daysEndingAt, isoDay, salesDay } from '../sales-day';
import { type CopyLifetimes, DEFAULT_COPY_LIFETIMES, daysToRebuild, storeDay, topOfDays } from './redis-day-sales';

export const POPULAR_LIMIT = 5;
export const POPULAR_WINDOW_DAYS = 3;

/** Kept in the response's own shape, so a cached answer is served as it was stored. */
export type PopularProduct = z.infer<typeof popularProductSchema>;

export interface PopularProductsDeps {
  /** Each read is one statement: none needs a transaction. */
  reads: SqlExecutor;
  /** Absent in the embedded mode: the answer then comes from the database, memoized below. */
  redis?: Redis;
  timeZone: string;
  /** How long one computed answer is served from Redis before it is merged again. */
  cacheMs: number;
  /** How long a day's sorted set serves before it is rebuilt from the database. */
  copyLifetimes?: CopyLifetimes;
  now?: () => Date;
  logger?: { warn: (context: object, message: string) => void };
}

/**
 * Top 5 by units sold over today and the two days before (sales days in `timeZone`). Fast path:
 * one cached answer in Redis, else the days' sorted sets merged there (each rebuilt from the
 * database when missing). Durable truth: daily_product_sales; when Redis fails the same answer
 * comes from it directly, and the sets are rebuilt once Redis is back.
 */
export function popularProducts(deps: PopularProductsDeps): () => Promise<PopularProduct[]> {
  const now = deps.now ?? (() => new Date());
  // The answer may be up to cacheMs old anyway, so each instance also keeps it in memory for that
  // long, and concurrent callers share one computation: at thousands of requests per second the
  // common case costs no network round trip at all. When it expires, callers keep getting the last
  // answer while one refresh runs: a crowd does not queue behind it (that queue was the p99, measured).
  let memo: Memo | undefined;
  const answerFor = (today: number) => compute(deps, daysEndingAt(new Date(today), POPULAR_WINDOW_DAYS));
  const refresh = (today: number, last?: PopularProduct[]) => {
    const entry: Memo = { today, until: Date.now() + deps.cacheMs, pending: answerFor(today), last };
    memo = entry;
    entry.pending.then(
      (answer) => {
        entry.last = answer;
      },
      () => {
        if (memo === entry) memo = undefined;
      },
    );
    return entry;
  };
  return () => {
    // The window's days are built only when a refresh runs: most calls just serve the memo.
    const today = salesDay(now(), deps.timeZone).getTime();
    if (deps.cacheMs <= 0) return answerFor(today);
    // A new day's first answer is waited for: yesterday's window is not today's.
    if (memo?.today !== today) return refresh(today).pending;
    if (Date.now() >= memo.until) refresh(today, memo.last);
    return memo.last ? Promise.resolve(memo.last) : memo.pending;
  };
}

interface Memo {
  /** The sales day the answer is for (ms since the epoch of its UTC midnight). */
  today: number;
  until: number;
  pending: Promise<PopularProduct[]>;
  last?: PopularProduct[];
}

async function compute(deps: PopularProductsDeps, days: Date[]): Promise<PopularProduct[]> {
  const { redis } = deps;
  if (!redis) return fromDatabase(deps, days);
  try {
    return await fromRedis(deps, redis, days);
  } catch (error) {
    deps.logger?.warn({ err: error }, 'popular products from the database: redis unavailable');
    return fromDatabase(deps, days);
  }
}

async function fromDatabase(deps: PopularProductsDeps, days: Date[]): Promise<PopularProduct[]> {
  const top = await topSellers(deps.reads, days, POPULAR_LIMIT);
  return withProducts(deps, top);
}

async function fromRedis(deps: PopularProductsDeps, redis: Redis, days: Date[]): Promise<PopularProduct[]> {
  const cacheKey = `popular:${isoDay(days[0] as Date)}`;
  const cached = await redis.get(cacheKey);
  if (cached) return JSON.parse(cached) as PopularProduct[];
  for (const day of await daysToRebuild(redis, days)) {
    const sales = await salesOfDay(deps.reads, day);
    const lifetimes = deps.copyLifetimes ?? DEFAULT_COPY_LIFETIMES;
    await storeDay(redis, day, sales, day === days[0] ? lifetimes.todayMs : lifetimes.pastDayMs);
  }
  const answer = await withProducts(deps, await topOfDays(redis, days, POPULAR_LIMIT));
  if (deps.cacheMs > 0) await redis.set(cacheKey, JSON.stringify(answer), 'PX', deps.cacheMs);
  return answer;
}

async function withProducts(deps: PopularProductsDeps, top: ProductUnits[]): Promise<PopularProduct[]> {
  if (top.length === 0) return [];
  const products = await deps.reads.$queryRawUnsafe<Product[]>(
    `SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.id = ANY($1::uuid[]) AND p.status <> 'DRAFT'`,
    top.map((t) => t.productId),
  );
  const byId = new Map(products.map((p) => [p.id, p]));
  return top.flatMap(({ productId, units }, i) => {
    const product = byId.get(productId);
    return product ? [{ rank: i + 1, unitsSold: units, product: productView(product) }] : [];
  });
}
