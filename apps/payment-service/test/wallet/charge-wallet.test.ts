import { PROBLEM_BASE } from '@sneakers/kit';
import request from 'supertest';
import { ledgerDisagreements, ledgerState } from '../support/ledger';
import { type PaymentApp, startPaymentApp } from '../support/payment-app';

describe('Charging a wallet', () => {
  let app: PaymentApp;

  beforeAll(async () => {
    app = await startPaymentApp({ WALLET_MAX_CHARGE: '100000', WALLET_BALANCE_CAP: '250000' });
  });
  afterAll(() => app.close());

  const charge = (authorization: string, amount: number) =>
    request(app.server).post('/wallet/charges').set('Authorization', authorization).send({ amount });

  it('When a buyer whose wallet is not open yet charges, then it opens with the charge and one CHARGE entry', async () => {
    const buyer = await app.caller('BUYER');

    const response = await charge(buyer.authorization, 50_000);

    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      charge: {
        id: expect.any(String),
        type: 'CHARGE',
        amount: 50_000,
        balanceAfter: 50_000,
        createdAt: expect.any(String),
      },
      wallet: { balance: 50_000, currency: 'KRW' },
    });
    expect(await ledgerState(app.prisma, buyer.userId)).toEqual({ balance: 50_000, entries: 1 });
  });

  it('When a buyer charges several times, then the balance and GET /wallet follow and the ledger agrees', async () => {
    const buyer = await app.caller('BUYER');

    for (const amount of [10_000, 1, 99_999]) expect((await charge(buyer.authorization, amount)).status).toBe(201);
    const wallet = await request(app.server).get('/wallet').set('Authorization', buyer.authorization);

    expect(wallet.status).toBe(200);
    expect(wallet.body).toEqual({ balance: 110_000, currency: 'KRW' });
    expect(await ledgerDisagreements(app.prisma, buyer.userId)).toEqual([]);
  });

  it('When a buyer has never charged, then GET /wallet answers 0 without opening a wallet', async () => {
    const buyer = await app.caller('BUYER');

    const wallet = await request(app.server).get('/wallet').set('Authorization', buyer.authorization);

    expect(wallet.body).toEqual({ balance: 0, currency: 'KRW' });
    expect(await ledgerState(app.prisma, buyer.userId)).toEqual({ balance: undefined, entries: 0 });
  });

  it('When one charge is above the per-charge maximum, then 422 WALLET.CHARGE_TOO_LARGE and nothing is written', async () => {
    const buyer = await app.caller('BUYER');

    const response = await charge(buyer.authorization, 100_001);

    expect(response.status).toBe(422);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      type: `${PROBLEM_BASE}wallet/charge-too-large`,
      code: 'WALLET.CHARGE_TOO_LARGE',
      maxCharge: 100_000,
    });
    expect(await ledgerState(app.prisma, buyer.userId)).toEqual({ balance: undefined, entries: 0 });
  });

  it('When a charge would take the balance past the cap, then 409 WALLET.BALANCE_CAP_EXCEEDED and the balance is unchanged', async () => {
    const buyer = await app.caller('BUYER');
    for (let i = 0; i < 2; i++) await charge(buyer.authorization, 100_000);

    const over = await charge(buyer.authorization, 50_001);
    const exactlyToTheCap = await charge(buyer.authorization, 50_000);
    const pastAFullWallet = await charge(buyer.authorization, 1);

    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({
      type: `${PROBLEM_BASE}wallet/balance-cap-exceeded`,
      code: 'WALLET.BALANCE_CAP_EXCEEDED',
      balanceCap: 250_000,
    });
    expect(exactlyToTheCap.status).toBe(201);
    expect(pastAFullWallet.status).toBe(409);
    expect(await ledgerState(app.prisma, buyer.userId)).toEqual({ balance: 250_000, entries: 3 });
  });
});
