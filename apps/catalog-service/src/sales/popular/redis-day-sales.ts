import type { Redis } from 'ioredis';
import type { ProductUnits } from '../sales.repository';
import { isoDay } from '../sales-day';

// A day's sorted set is a copy of that day's rows in daily_product_sales, rebuilt when it expires.
// Reactions never write to Redis: they run inside a database transaction that may still roll back
// or be redelivered, and an increment made there could count a sale that never committed (or
// count one twice). A copy rebuilt from committed rows cannot. Today's copy lives briefly so new
// sales show within seconds; older days change only by refunds, so theirs live longer.
export interface CopyLifetimes {
  todayMs: number;
  pastDayMs: number;
}
export const DEFAULT_COPY_LIFETIMES: CopyLifetimes = { todayMs: 5_000, pastDayMs: 60_000 };

const dayKey = (day: Date) => `sales:${isoDay(day)}`;
// An empty day has no sorted set at all, so a separate marker says "this day is built".
const builtKey = (day: Date) => `sales:${isoDay(day)}:built`;

/** The days (of `days`) whose copy is missing or expired. */
export async function daysToRebuild(redis: Redis, days: Date[]): Promise<Date[]> {
  const built = await redis.mget(...days.map(builtKey));
  return days.filter((_, i) => built[i] === null);
}

/** Replaces a day's copy with the rows read from the database (backfill), atomically. */
export async function storeDay(redis: Redis, day: Date, sales: ProductUnits[], ttl: number): Promise<void> {
  const tx = redis.multi().del(dayKey(day));
  if (sales.length > 0) {
    tx.zadd(dayKey(day), ...sales.flatMap((s) => [s.units, s.productId])).pexpire(dayKey(day), ttl + 1_000);
  }
  await tx.set(builtKey(day), '1', 'PX', ttl).exec();
}

/**
 * Sums the days' sets and returns the `limit` best. Equal sums come out in reverse member order,
 * i.e. by product id descending, the same tie-break the database query uses.
 */
export async function topOfDays(redis: Redis, days: Date[], limit: number): Promise<ProductUnits[]> {
  const merged = `popular:merge:${days.map(isoDay).join(',')}`;
  const [, [, flat] = []] =
    (await redis
      .multi()
      .zunionstore(merged, days.length, ...days.map(dayKey))
      .zrevrangebyscore(merged, '+inf', 1, 'WITHSCORES', 'LIMIT', 0, limit)
      .pexpire(merged, 1_000)
      .exec()) ?? [];
  const values = (flat as string[] | undefined) ?? [];
  const top: ProductUnits[] = [];
  for (let i = 0; i + 1 < values.length; i += 2)
    top.push({ productId: values[i] as string, units: Number(values[i + 1]) });
  return top;
}
