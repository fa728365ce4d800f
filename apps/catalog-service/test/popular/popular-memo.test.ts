import type { SqlExecutor } from '@sneakers/kit';
import type { Redis } from 'ioredis';
import { popularProducts } from '../../src/sales/popular/popular-products';

describe('The popular top 5 under load', () => {
  // A Redis that is down: every call fails at once, so the database answers.
  const redis = new Proxy({}, { get: () => () => Promise.reject(new Error('redis down')) }) as Redis;

  it('When many ask within the cache time, then one computation answers them all; after the day turns, a new one runs', async () => {
    let reads = 0;
    const database = {
      $queryRawUnsafe: async () => {
        reads++;
        await new Promise((resolve) => setTimeout(resolve, 20));
        return [];
      },
    } as unknown as SqlExecutor;
    let now = new Date('2026-11-23T01:00:00Z');
    const popular = popularProducts({
      reads: database,
      redis,
      timeZone: 'Asia/Seoul',
      cacheMs: 60_000,
      now: () => now,
    });

    const answers = await Promise.all(Array.from({ length: 100 }, () => popular()));
    await popular();
    now = new Date('2026-11-23T15:00:00Z'); // midnight in Seoul: the window moved
    await popular();

    expect(answers.every((a) => a.length === 0)).toBe(true);
    expect(reads).toBe(2);
  });

  it('When the cached answer expires, then callers get the last answer at once while one refresh runs, and the fresh one after it', async () => {
    let reads = 0;
    let release: () => void = () => undefined;
    const database = {
      $queryRawUnsafe: async () => {
        reads++;
        // The first read answers at once; the refresh hangs until released. No sales: no product reads.
        if (reads > 1)
          await new Promise<void>((resolve) => {
            release = resolve;
          });
        return [];
      },
    } as unknown as SqlExecutor;
    const popular = popularProducts({ reads: database, timeZone: 'Asia/Seoul', cacheMs: 20 });

    const first = await popular();
    await new Promise((resolve) => setTimeout(resolve, 30));
    const whileRefreshing = await Promise.all(Array.from({ length: 50 }, () => popular()));
    release();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const after = await popular();

    expect(whileRefreshing.every((answer) => answer === first)).toBe(true);
    expect(reads).toBe(2);
    expect(after).not.toBe(first);
  });
});
