import { ConfigError, loadConfig } from '@sneakers/kit';
import { orderServiceEnv } from '../src/config';

describe('order-service configuration', () => {
  it('When nothing is set, then buyers get 10 minutes to pay and paid orders go to the local receiver', () => {
    expect(loadConfig(orderServiceEnv, {})).toMatchObject({
      ORDER_PAYMENT_WINDOW_MS: 600_000,
      ORDER_EXPIRY_INTERVAL_MS: 5_000,
      ORDER_EXPIRY_GRACE_MS: 60_000,
      DATA_PLATFORM_URL: 'http://127.0.0.1:3014/paid-orders',
      DATA_PLATFORM_MAX_ATTEMPTS: 60,
    });
  });

  it.each([
    ['a payment window under a second', { ORDER_PAYMENT_WINDOW_MS: '10' }, 'ORDER_PAYMENT_WINDOW_MS'],
    ['a payment window in words', { ORDER_PAYMENT_WINDOW_MS: 'ten minutes' }, 'ORDER_PAYMENT_WINDOW_MS'],
    ['a data platform that is not a URL', { DATA_PLATFORM_URL: 'platform' }, 'DATA_PLATFORM_URL'],
    ['zero delivery attempts', { DATA_PLATFORM_MAX_ATTEMPTS: '0' }, 'DATA_PLATFORM_MAX_ATTEMPTS'],
  ])('When the environment has %s, then start-up names the bad variable', (_case, env, variable) => {
    expect(() => loadConfig(orderServiceEnv, env)).toThrow(ConfigError);
    expect(() => loadConfig(orderServiceEnv, env)).toThrow(new RegExp(`${variable}:`));
  });
});
