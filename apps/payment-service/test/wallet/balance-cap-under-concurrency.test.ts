import request from 'supertest';
import { ledgerDisagreements, ledgerState } from '../support/ledger';
import { type PaymentApp, startPaymentApp } from '../support/payment-app';
import { countStatuses } from '../support/statuses';

describe('The balance cap under concurrent charges', () => {
  let app: PaymentApp;

  beforeAll(async () => {
    app = await startPaymentApp({ WALLET_MAX_CHARGE: '10000', WALLET_BALANCE_CAP: '50000' });
  });
  afterAll(() => app.close());

  const chargeAll = (authorization: string, amounts: number[]) =>
    Promise.all(
      amounts.map((amount) =>
        request(app.server).post('/wallet/charges').set('Authorization', authorization).send({ amount }),
      ),
    );

  it('When 200 charges of 1,000 race for a 50,000 cap, then exactly 50 land and 150 get 409', async () => {
    const buyer = await app.caller('BUYER');

    const responses = await chargeAll(buyer.authorization, Array(200).fill(1_000));

    expect(countStatuses(responses)).toEqual({ 201: 50, 409: 150 });
    expect(await ledgerState(app.prisma, buyer.userId)).toEqual({ balance: 50_000, entries: 50 });
    expect(await ledgerDisagreements(app.prisma, buyer.userId)).toEqual([]);
  });

  it('When 200 charges of mixed sizes race for the cap, then the balance never passes it and equals what landed', async () => {
    const buyer = await app.caller('BUYER');
    const amounts = Array.from({ length: 200 }, (_, i) => [10_000, 7_000, 3_000, 1_000, 1][i % 5] as number);

    const responses = await chargeAll(buyer.authorization, amounts);

    const landed = responses.filter((r) => r.status === 201);
    const landedSum = landed.reduce((sum, r) => sum + (r.body.charge.amount as number), 0);
    expect(responses.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect(landedSum).toBeLessThanOrEqual(50_000);
    expect(await ledgerState(app.prisma, buyer.userId)).toEqual({ balance: landedSum, entries: landed.length });
    expect(await ledgerDisagreements(app.prisma, buyer.userId)).toEqual([]);
    // No charge was refused spuriously: the balance only grows, so one refused earlier would not
    // fit the final balance either.
    const refused = amounts.filter((_, i) => responses[i]?.status === 409);
    expect(refused.every((amount) => landedSum + amount > 50_000)).toBe(true);
  });
});
