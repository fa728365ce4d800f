import { testEnv, uniqueName } from '@sneakers/kit/testing';
import type { Options } from 'express-rate-limit';
import { Redis } from 'ioredis';
import { SharedWindowStore } from '../../src/rate-limit/shared-window-store';

const WINDOW_MS = 60_000;

describe('The rate limit window shared between gateways', () => {
  const redis = new Redis(testEnv.redisUrl);
  let prefix: string;

  const gateway = async () => {
    const store = new SharedWindowStore(redis, prefix);
    store.init({ windowMs: WINDOW_MS } as Options);
    if (redis.status !== 'ready') await new Promise((resolve) => redis.once('ready', resolve));
    return store;
  };

  beforeEach(() => {
    prefix = `${uniqueName('rl-test')}:`;
  });

  afterAll(async () => {
    const keys = await redis.keys('rl-test*');
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('When a caller sends several requests to one gateway, then each is counted at once, in order', async () => {
    const store = await gateway();

    const totals = [1, 2, 3].map(() => store.increment('user:a').totalHits);

    expect(totals).toEqual([1, 2, 3]);
  });

  it('When hits arrive within one interval, then they reach Redis as one addition, with the window it opened', async () => {
    const store = await gateway();
    for (let i = 0; i < 5; i++) store.increment('user:a');

    await store.flush();

    expect(await redis.get(`${prefix}user:a`)).toBe('5');
    const left = await redis.pttl(`${prefix}user:a`);
    expect(left).toBeGreaterThan(WINDOW_MS - 5_000);
    expect(left).toBeLessThanOrEqual(WINDOW_MS);
  });

  it("When a caller is spread over two gateways, then each counts the other's hits from its own next addition on", async () => {
    const [first, second] = [await gateway(), await gateway()];
    for (let i = 0; i < 3; i++) first.increment('user:a');
    await first.flush();
    second.increment('user:a');
    await second.flush();

    expect(second.increment('user:a').totalHits).toBe(5);
    await second.flush();
    // Until it adds its own, the first has not heard of the second's two.
    expect(first.increment('user:a').totalHits).toBe(4);
    await first.flush();
    expect(first.increment('user:a').totalHits).toBe(7);
  });

  it('When nothing is flushed explicitly, then the hits reach Redis within a short interval', async () => {
    const store = await gateway();
    store.increment('ip:127.0.0.1');

    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(await redis.get(`${prefix}ip:127.0.0.1`)).toBe('1');
  });

  it('When a caller is reset, then its count starts again from zero everywhere', async () => {
    const store = await gateway();
    store.increment('user:a');
    await store.flush();

    await store.resetKey('user:a');

    expect(await redis.exists(`${prefix}user:a`)).toBe(0);
    expect(store.increment('user:a').totalHits).toBe(1);
  });
});
