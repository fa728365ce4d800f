import { randomUUID } from 'node:crypto';
import { PROBLEM_BASE } from '@sneakers/kit';
import { createTestTokens } from '@sneakers/kit/testing';
import request from 'supertest';
import { ledgerState } from '../support/ledger';
import { type Caller, type PaymentApp, startPaymentApp } from '../support/payment-app';

const endpoints = [
  {
    name: 'POST /wallet/charges',
    send: (r: request.Agent) => r.post('/wallet/charges').send({ amount: 1_000 }),
    ok: 201,
  },
  { name: 'GET /wallet', send: (r: request.Agent) => r.get('/wallet'), ok: 200 },
  { name: 'GET /wallet/transactions', send: (r: request.Agent) => r.get('/wallet/transactions'), ok: 200 },
] as const;

describe('Who may use the wallet endpoints', () => {
  let app: PaymentApp;

  beforeAll(async () => {
    app = await startPaymentApp();
  });
  afterAll(() => app.close());

  const as = (authorization?: string) => {
    const agent = request.agent(app.server);
    return authorization ? agent.set('Authorization', authorization) : agent;
  };

  const writes = async () => ({
    wallets: await app.prisma.wallet.count(),
    entries: await app.prisma.walletTransaction.count(),
    keys: await app.prisma.idempotencyKey.count(),
  });

  async function expectRefused(call: () => Promise<request.Response>, status: number, problem: string): Promise<void> {
    const before = await writes();
    const response = await call();
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.type).toBe(`${PROBLEM_BASE}${problem}`);
    expect(await writes()).toEqual(before);
  }

  describe.each(endpoints)('$name', ({ send, ok }) => {
    it('When nobody signs in, then 401 auth/missing-token', async () => {
      await expectRefused(() => send(as()), 401, 'auth/missing-token');
    });

    it.each([
      ['a pending seller', 'SELLER', 'PENDING'],
      ['an approved seller', 'SELLER', 'APPROVED'],
      ['an admin', 'ADMIN', undefined],
    ] as const)('When %s calls, then 403 auth/forbidden', async (_who, role, sellerStatus) => {
      const caller = await app.caller(role, sellerStatus);
      await expectRefused(() => send(as(caller.authorization)), 403, 'auth/forbidden');
    });

    it('When the token has expired, then 401 auth/token-expired', async () => {
      const token = await app.tokens.sign({ userId: randomUUID(), role: 'BUYER' }, { expiresIn: -60 });
      await expectRefused(() => send(as(`Bearer ${token}`)), 401, 'auth/token-expired');
    });

    it('When the token was signed by a key we do not trust, then 401 auth/invalid-token', async () => {
      const stranger = await createTestTokens();
      const token = await stranger.sign({ userId: randomUUID(), role: 'BUYER' });
      await expectRefused(() => send(as(`Bearer ${token}`)), 401, 'auth/invalid-token');
    });

    it.each(['Bearer not-a-jwt', 'Bearer a.b.c', 'Basic dXNlcjpwYXNz', 'Bearer'])(
      'When the Authorization header is "%s", then 401 auth/invalid-token',
      async (authorization) => {
        await expectRefused(() => send(as(authorization)), 401, 'auth/invalid-token');
      },
    );

    it('When a buyer calls, then it succeeds', async () => {
      const buyer = await app.caller('BUYER');
      expect((await send(as(buyer.authorization))).status).toBe(ok);
    });
  });

  describe('Two buyers', () => {
    let alice: Caller;
    let bob: Caller;

    beforeAll(async () => {
      [alice, bob] = [await app.caller('BUYER'), await app.caller('BUYER')];
      await as(alice.authorization).post('/wallet/charges').send({ amount: 7_000 });
    });

    it('When another buyer reads their wallet and history, then they never see this one', async () => {
      const wallet = await as(bob.authorization).get('/wallet');
      const history = await as(bob.authorization).get('/wallet/transactions');

      expect(wallet.body).toEqual({ balance: 0, currency: 'KRW' });
      expect(history.body).toEqual({ items: [], nextCursor: null });
    });

    it('When another buyer charges, then only their own wallet moves', async () => {
      await as(bob.authorization).post('/wallet/charges').send({ amount: 2_000 });

      expect(await ledgerState(app.prisma, alice.userId)).toEqual({ balance: 7_000, entries: 1 });
      expect(await ledgerState(app.prisma, bob.userId)).toEqual({ balance: 2_000, entries: 1 });
      expect((await as(alice.authorization).get('/wallet/transactions')).body.items).toHaveLength(1);
    });
  });
});
