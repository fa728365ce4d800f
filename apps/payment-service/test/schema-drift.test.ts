import path from 'node:path';
import { defaultAdminUrl, findDrift, prismaPaths } from '@sneakers/kit/prisma-migrate';

// Prisma cannot express CHECK constraints, so the wallet and payments migrations add these by hand; they are the
// only difference allowed, and they must be there exactly as written.
const handWrittenChecks = [
  'constraint public.payments.payments_amount_not_negative (CHECK ((amount >= 0))) is created by the migrations but not in schema.prisma',
  'constraint public.wallet_transactions.wallet_transactions_amount_positive (CHECK ((amount > 0))) is created by the migrations but not in schema.prisma',
  'constraint public.wallet_transactions.wallet_transactions_balance_after_not_negative (CHECK ((balance_after >= 0))) is created by the migrations but not in schema.prisma',
  'constraint public.wallets.wallets_balance_not_negative (CHECK ((balance >= 0))) is created by the migrations but not in schema.prisma',
];

describe('Database schema', () => {
  it('When schema.prisma and the migrations folder are compared, then they differ only by the hand-written CHECKs', async () => {
    const drift = await findDrift({ adminUrl: defaultAdminUrl, ...prismaPaths(path.resolve(__dirname, '..')) });

    expect(drift).toEqual(handWrittenChecks);
  });
});
