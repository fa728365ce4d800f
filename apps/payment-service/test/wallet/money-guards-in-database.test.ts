import { randomUUID } from 'node:crypto';
import { type PaymentApp, startPaymentApp } from '../support/payment-app';

// The code never tries these writes; the CHECK constraints catch the bug that someday would.
describe('Money guards in the database', () => {
  let app: PaymentApp;

  beforeAll(async () => {
    app = await startPaymentApp();
  });
  afterAll(() => app.close());

  it('When a write would make a balance negative, then the database refuses it', async () => {
    const userId = randomUUID();
    await app.prisma.wallet.create({ data: { userId, balance: 100 } });

    await expect(
      app.prisma.$executeRaw`UPDATE wallets SET balance = balance - 101 WHERE user_id = ${userId}::uuid`,
    ).rejects.toThrow(/wallets_balance_not_negative/);
    expect((await app.prisma.wallet.findUniqueOrThrow({ where: { userId } })).balance).toBe(100);
  });

  it('When a ledger entry has no positive amount or a negative balance after, then the database refuses it', async () => {
    const userId = randomUUID();
    await app.prisma.wallet.create({ data: { userId } });
    const entry = { userId, type: 'CHARGE' as const, amount: 1, balanceAfter: 1 };

    await expect(app.prisma.walletTransaction.create({ data: { ...entry, amount: 0 } })).rejects.toThrow(
      /wallet_transactions_amount_positive/,
    );
    await expect(app.prisma.walletTransaction.create({ data: { ...entry, balanceAfter: -1 } })).rejects.toThrow(
      /wallet_transactions_balance_after_not_negative/,
    );
    expect(await app.prisma.walletTransaction.count({ where: { userId } })).toBe(0);
  });
});
