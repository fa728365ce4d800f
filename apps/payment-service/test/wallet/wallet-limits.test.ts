import { assertChargeAllowed } from '../../src/wallet/domain/wallet-limits';

// The wallet's pure rule, without PostgreSQL (the balance cap is the crediting UPDATE's, tested in the database).

const LIMITS = { maxCharge: 1_000_000, balanceCap: 5_000_000 };

describe('assertChargeAllowed', () => {
  it.each([1, 999_999, 1_000_000])('When %i KRW is charged, then it is allowed', (amount) => {
    expect(() => assertChargeAllowed(amount, LIMITS)).not.toThrow();
  });

  it.each([1_000_001, 5_000_000])(
    'When %i KRW is charged, then WALLET.CHARGE_TOO_LARGE (422) names the limit',
    (amount) => {
      expect(() => assertChargeAllowed(amount, LIMITS)).toThrow(
        expect.objectContaining({ code: 'WALLET.CHARGE_TOO_LARGE', status: 422, extensions: { maxCharge: 1_000_000 } }),
      );
    },
  );
});
