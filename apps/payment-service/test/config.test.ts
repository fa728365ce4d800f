import { ConfigError, loadConfig } from '@sneakers/kit';
import { paymentServiceEnv } from '../src/config';

describe('payment-service configuration', () => {
  it('When no wallet limits are set, then one charge may add 1,000,000 and a wallet may hold 10,000,000', () => {
    expect(loadConfig(paymentServiceEnv, {})).toMatchObject({
      WALLET_MAX_CHARGE: 1_000_000,
      WALLET_BALANCE_CAP: 10_000_000,
    });
  });

  it.each([
    ['a maximum charge above the cap', { WALLET_MAX_CHARGE: '2000', WALLET_BALANCE_CAP: '1000' }, 'WALLET_MAX_CHARGE'],
    ['a cap that int4 sums could overflow', { WALLET_BALANCE_CAP: '1500000000' }, 'WALLET_BALANCE_CAP'],
    ['a fractional maximum charge', { WALLET_MAX_CHARGE: '10.5' }, 'WALLET_MAX_CHARGE'],
    ['a cap in words', { WALLET_BALANCE_CAP: 'ten million' }, 'WALLET_BALANCE_CAP'],
  ])('When the environment has %s, then start-up names the bad variable', (_case, env, variable) => {
    expect(() => loadConfig(paymentServiceEnv, env)).toThrow(ConfigError);
    expect(() => loadConfig(paymentServiceEnv, env)).toThrow(new RegExp(`${variable}:`));
  });
});
