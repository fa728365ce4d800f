import { PROBLEM_BASE } from '@sneakers/kit';
import request from 'supertest';
import { type Caller, type PaymentApp, startPaymentApp } from '../support/payment-app';

describe('Bad input to the wallet endpoints', () => {
  let app: PaymentApp;
  let buyer: Caller;

  beforeAll(async () => {
    app = await startPaymentApp();
    buyer = await app.caller('BUYER');
  });
  afterAll(() => app.close());

  // Each refused request must leave every table as it was.
  afterEach(async () => {
    expect(await app.prisma.wallet.count()).toBe(0);
    expect(await app.prisma.walletTransaction.count()).toBe(0);
    expect(await app.prisma.idempotencyKey.count()).toBe(0);
  });

  function expectProblem(response: request.Response, status: number, problem: string): void {
    expect({ status: response.status, type: response.body.type }).toEqual({
      status,
      type: `${PROBLEM_BASE}${problem}`,
    });
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  }

  const postCharge = () => request(app.server).post('/wallet/charges').set('Authorization', buyer.authorization);

  describe('POST /wallet/charges', () => {
    it.each([
      ['no amount', {}],
      ['an extra field', { amount: 1_000, currency: 'KRW' }],
      ['another user id', { amount: 1_000, userId: '00000000-0000-4000-8000-000000000000' }],
      ['a negative amount', { amount: -1_000 }],
      ['a zero amount', { amount: 0 }],
      ['a fractional amount', { amount: 1_000.5 }],
      ['an amount beyond a safe integer', { amount: 1e20 }],
      ['an amount as a string', { amount: '1000' }],
      ['a null amount', { amount: null }],
      ['an array for a body', [{ amount: 1_000 }]],
    ])('When the body has %s, then 400 http/validation-failed', async (_case, body) => {
      expectProblem(await postCharge().send(body), 400, 'http/validation-failed');
    });

    it('When there is no body at all, then 400 http/validation-failed', async () => {
      expectProblem(await postCharge(), 400, 'http/validation-failed');
    });

    it('When the amount is above the per-charge maximum, then 422 wallet/charge-too-large', async () => {
      expectProblem(await postCharge().send({ amount: 1_000_001 }), 422, 'wallet/charge-too-large');
    });

    it('When the JSON is malformed, then 400 http/malformed-json', async () => {
      const response = await postCharge().set('Content-Type', 'application/json').send('{"amount": 1000');
      expectProblem(response, 400, 'http/malformed-json');
    });

    it('When the body is a bare JSON number, then 400 http/malformed-json (objects only)', async () => {
      const response = await postCharge().set('Content-Type', 'application/json').send('1000');
      expectProblem(response, 400, 'http/malformed-json');
    });

    it.each(['text/plain', 'application/x-www-form-urlencoded'])(
      'When the body is sent as %s, then 415 http/unsupported-media-type',
      async (contentType) => {
        const response = await postCharge().set('Content-Type', contentType).send('amount=1000');
        expectProblem(response, 415, 'http/unsupported-media-type');
      },
    );

    it('When the body is larger than 64 kB, then 413 http/payload-too-large', async () => {
      const response = await postCharge().send({ amount: 1_000, padding: 'x'.repeat(70_000) });
      expectProblem(response, 413, 'http/payload-too-large');
    });

    it.each([
      ['spaces', 'my key'],
      ['too many characters', 'k'.repeat(256)],
      ['an empty value', ''],
    ])('When the Idempotency-Key has %s, then 400 idempotency/invalid-key', async (_case, key) => {
      const response = await postCharge().set('Idempotency-Key', key).send({ amount: 1_000 });
      expectProblem(response, 400, 'idempotency/invalid-key');
    });
  });

  describe('GET /wallet/transactions', () => {
    const list = (query: string) =>
      request(app.server).get(`/wallet/transactions?${query}`).set('Authorization', buyer.authorization);
    const cursorOf = (position: unknown) => Buffer.from(JSON.stringify(position)).toString('base64url');

    it.each([
      ['a zero limit', 'limit=0'],
      ['a limit above 100', 'limit=101'],
      ['a negative limit', 'limit=-1'],
      ['a fractional limit', 'limit=1.5'],
      ['a limit in words', 'limit=ten'],
      ['two limits', 'limit=1&limit=2'],
      ['an unknown parameter', 'userId=00000000-0000-4000-8000-000000000000'],
      ['a cursor over 512 characters', `cursor=${'a'.repeat(513)}`],
    ])('When the query has %s, then 400 http/validation-failed', async (_case, query) => {
      expectProblem(await list(query), 400, 'http/validation-failed');
    });

    it.each([
      ['is not base64 JSON', 'garbage!'],
      ['has the wrong shape', cursorOf({ page: 2 })],
      ['has a non-numeric id', cursorOf({ createdAt: '2026-01-01T00:00:00.000Z', id: 'abc' })],
      ['has an id beyond bigint', cursorOf({ createdAt: '2026-01-01T00:00:00.000Z', id: '9'.repeat(20) })],
      ['has a bad date', cursorOf({ createdAt: 'yesterday', id: '1' })],
    ])('When the cursor %s, then 400 http/invalid-cursor', async (_case, cursor) => {
      expectProblem(await list(`cursor=${encodeURIComponent(cursor)}`), 400, 'http/invalid-cursor');
    });
  });

  describe('GET /wallet', () => {
    it('When a body is sent in something other than JSON, then 415 http/unsupported-media-type', async () => {
      const response = await request(app.server)
        .get('/wallet')
        .set('Authorization', buyer.authorization)
        .set('Content-Type', 'text/plain')
        .send('balance please');
      expectProblem(response, 415, 'http/unsupported-media-type');
    });
  });
});
