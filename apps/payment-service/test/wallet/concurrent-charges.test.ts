import request from 'supertest';
import { ledgerDisagreements, ledgerState } from '../support/ledger';
import { type PaymentApp, startPaymentApp } from '../support/payment-app';
import { countStatuses } from '../support/statuses';

describe('Concurrent charges on one wallet (default limits)', () => {
  let app: PaymentApp;

  beforeAll(async () => {
    app = await startPaymentApp();
  });
  afterAll(() => app.close());

  const chargeAll = (authorization: string, amounts: number[]) =>
    Promise.all(
      amounts.map((amount) =>
        request(app.server).post('/wallet/charges').set('Authorization', authorization).send({ amount }),
      ),
    );

  it('When 200 charges of 1,000 arrive at once, then the balance rises by exactly 200,000 with exactly 200 ledger rows', async () => {
    const buyer = await app.caller('BUYER');
    await chargeAll(buyer.authorization, [5_000]);

    const responses = await chargeAll(buyer.authorization, Array(200).fill(1_000));

    expect(countStatuses(responses)).toEqual({ 201: 200 });
    expect(await ledgerState(app.prisma, buyer.userId)).toEqual({ balance: 205_000, entries: 201 });
    expect(await ledgerDisagreements(app.prisma, buyer.userId)).toEqual([]);
    // Each charge saw the one before it: 200 distinct new balances, 6,000 … 205,000.
    const balances = responses.map((r) => r.body.wallet.balance as number).sort((a, b) => a - b);
    expect(balances).toEqual(Array.from({ length: 200 }, (_, i) => 6_000 + i * 1_000));
  });

  it('When charges over the per-charge maximum race with valid ones, then only the valid ones land', async () => {
    const buyer = await app.caller('BUYER');
    const amounts = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? 1_000_001 : 1_000));

    const responses = await chargeAll(buyer.authorization, amounts);

    expect(countStatuses(responses)).toEqual({ 201: 100, 422: 100 });
    expect(await ledgerState(app.prisma, buyer.userId)).toEqual({ balance: 100_000, entries: 100 });
  });
});
