import { PROBLEM_BASE } from '@sneakers/kit';
import request from 'supertest';
import { ledgerState } from '../support/ledger';
import { type PaymentApp, startPaymentApp } from '../support/payment-app';
import { countStatuses } from '../support/statuses';

describe('Idempotent charges (Idempotency-Key)', () => {
  let app: PaymentApp;

  beforeAll(async () => {
    app = await startPaymentApp({ WALLET_MAX_CHARGE: '100000', WALLET_BALANCE_CAP: '150000' });
  });
  afterAll(() => app.close());

  const charge = (authorization: string, amount: number, key: string) =>
    request(app.server)
      .post('/wallet/charges')
      .set('Authorization', authorization)
      .set('Idempotency-Key', key)
      .send({ amount });

  it('When 200 requests with the same key arrive at once, then exactly one charge happens and all 200 get its answer', async () => {
    const buyer = await app.caller('BUYER');

    const responses = await Promise.all(
      Array.from({ length: 200 }, () => charge(buyer.authorization, 1_000, 'top-up-1')),
    );

    expect(countStatuses(responses)).toEqual({ 201: 200 });
    const firsts = responses.filter((r) => r.headers['idempotent-replayed'] === undefined);
    const replays = responses.filter((r) => r.headers['idempotent-replayed'] === 'true');
    expect([firsts.length, replays.length]).toEqual([1, 199]);
    // Byte for byte: the stored copy is json, which keeps the first answer's text.
    for (const replay of replays) expect(replay.text).toBe(firsts[0]?.text);
    expect(await ledgerState(app.prisma, buyer.userId)).toEqual({ balance: 1_000, entries: 1 });
  });

  it('When a key is sent again after the charge, then the stored answer is replayed and nothing is charged', async () => {
    const buyer = await app.caller('BUYER');
    const first = await charge(buyer.authorization, 2_000, 'retry-after-timeout');

    const again = await charge(buyer.authorization, 2_000, 'retry-after-timeout');

    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await ledgerState(app.prisma, buyer.userId)).toEqual({ balance: 2_000, entries: 1 });
  });

  it('When a key is reused with a different body, then 422 IDEMPOTENCY.KEY_REUSED and nothing more is charged', async () => {
    const buyer = await app.caller('BUYER');
    await charge(buyer.authorization, 3_000, 'reused');

    const reused = await charge(buyer.authorization, 4_000, 'reused');

    expect(reused.status).toBe(422);
    expect(reused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(reused.body).toMatchObject({
      type: `${PROBLEM_BASE}idempotency/key-reused`,
      code: 'IDEMPOTENCY.KEY_REUSED',
    });
    expect(await ledgerState(app.prisma, buyer.userId)).toEqual({ balance: 3_000, entries: 1 });
  });

  it('When two buyers use the same key, then each gets their own charge', async () => {
    const [alice, bob] = [await app.caller('BUYER'), await app.caller('BUYER')];

    const [forAlice, forBob] = await Promise.all([
      charge(alice.authorization, 5_000, 'same-key'),
      charge(bob.authorization, 6_000, 'same-key'),
    ]);

    expect([forAlice.status, forBob.status]).toEqual([201, 201]);
    expect(forBob.headers['idempotent-replayed']).toBeUndefined();
    expect(await ledgerState(app.prisma, alice.userId)).toEqual({ balance: 5_000, entries: 1 });
    expect(await ledgerState(app.prisma, bob.userId)).toEqual({ balance: 6_000, entries: 1 });
  });

  it('When a keyed charge is refused, then the key is not spent and a later retry with it may succeed', async () => {
    const buyer = await app.caller('BUYER');
    await charge(buyer.authorization, 100_000, 'fill');

    const refused = await charge(buyer.authorization, 60_000, 'after-spending');
    await app.prisma.wallet.update({ where: { userId: buyer.userId }, data: { balance: 0 } }); // as a payment would
    const retried = await charge(buyer.authorization, 60_000, 'after-spending');

    expect(refused.status).toBe(409);
    expect(retried.status).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
  });
});
