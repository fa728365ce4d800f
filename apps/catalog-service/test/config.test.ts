import { ConfigError, loadConfig } from '@sneakers/kit';
import { catalogServiceEnv } from '../src/config';
import { salesDay } from '../src/sales/sales-day';

describe('catalog-service configuration', () => {
  it('When nothing is set, then sales days are Seoul days and the top 5 is cached for a second', () => {
    expect(loadConfig(catalogServiceEnv, {})).toMatchObject({
      SALES_TIME_ZONE: 'Asia/Seoul',
      REDIS_URL: 'redis://127.0.0.1:6379',
      POPULAR_CACHE_MS: 1_000,
    });
  });

  it.each([
    ['an unknown time zone', { SALES_TIME_ZONE: 'Asia/Atlantis' }, 'SALES_TIME_ZONE'],
    ['a Redis URL of another scheme', { REDIS_URL: 'http://127.0.0.1:6379' }, 'REDIS_URL'],
    ['a cache time in words', { POPULAR_CACHE_MS: 'a second' }, 'POPULAR_CACHE_MS'],
  ])('When the environment has %s, then start-up names the bad variable', (_case, env, variable) => {
    expect(() => loadConfig(catalogServiceEnv, env)).toThrow(ConfigError);
    expect(() => loadConfig(catalogServiceEnv, env)).toThrow(new RegExp(`${variable}:`));
  });

  it.each([
    ['2026-11-20T14:59:59Z', 'Asia/Seoul', '2026-11-20'],
    ['2026-11-20T15:00:00Z', 'Asia/Seoul', '2026-11-21'],
    ['2026-11-20T15:00:00Z', 'UTC', '2026-11-20'],
    ['2026-11-21T04:59:59Z', 'America/New_York', '2026-11-20'],
  ])('When a sale happens at %s, then in %s it counts for %s', (at, zone, day) => {
    expect(salesDay(new Date(at), zone).toISOString().slice(0, 10)).toBe(day);
  });
});
