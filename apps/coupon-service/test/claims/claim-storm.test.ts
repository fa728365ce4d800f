import {
  type Caller,
  type CouponApp,
  createPolicy,
  policyTerms,
  STORM_ENV,
  startCouponApp,
} from '../support/coupon-app';
import { issuedState, runStorm, stormOf, tally } from '../support/storm';

describe('A storm of claims on one policy', () => {
  let app: CouponApp;
  let seller: Caller;

  beforeAll(async () => {
    app = await startCouponApp({ env: STORM_ENV });
    seller = await app.caller('SELLER', 'APPROVED');
  });
  afterAll(() => app.close());

  it('When 10,000 buyers (plus 1,000 repeats) claim a 100-coupon policy at once, then exactly 100 are issued, one per buyer, and the database and Redis agree', async () => {
    const policyId = await createPolicy(app, seller, policyTerms(new Date(), { totalQuantity: 100 }));
    const attempts = stormOf(10_000, 1_000);

    const started = Date.now();
    const outcomes = await runStorm(app, policyId, attempts);
    const elapsedMs = Date.now() - started;

    const counts = tally(outcomes);
    expect(counts[201]).toBe(100);
    expect((counts['COUPON.SOLD_OUT'] ?? 0) + (counts['COUPON.ALREADY_CLAIMED'] ?? 0)).toBe(10_900);
    expect(Object.keys(counts).sort()).toEqual(['201', 'COUPON.ALREADY_CLAIMED', 'COUPON.SOLD_OUT']);
    const winners = outcomes
      .filter((o) => o.answer === 201)
      .map((o) => o.buyerId)
      .sort();
    expect(new Set(winners).size).toBe(100);
    const state = await issuedState(app, policyId);
    expect(state).toEqual({ issuedCount: 100, databaseBuyers: winners, redisIssued: 100, redisBuyers: winners });
    // A repeat by a winner is ALREADY_CLAIMED, never a second coupon.
    const repeatsByWinners = outcomes.filter((o) => winners.includes(o.buyerId) && o.answer !== 201);
    expect(repeatsByWinners.every((o) => o.answer === 'COUPON.ALREADY_CLAIMED')).toBe(true);
    console.info(`10,000-buyer storm: ${outcomes.length} claims decided in ${elapsedMs} ms`);
  });

  it('When the seller raises the quantity from 100 to 150 in the middle of a storm, then exactly 150 are issued, one per buyer', async () => {
    const policyId = await createPolicy(app, seller, policyTerms(new Date(), { totalQuantity: 100 }));
    const request = (await import('supertest')).default;

    const outcomes = await runStorm(app, policyId, stormOf(3_000, 300), async (answered) => {
      while (answered() < 500) await new Promise((resolve) => setImmediate(resolve));
      const raised = await request(app.server)
        .put(`/coupon-policies/${policyId}/quantity`)
        .set('Authorization', seller.authorization)
        .send({ totalQuantity: 150 });
      expect(raised.status).toBe(200);
    });
    // Claims that lost to a sold-out ledger before the raise landed are not retried by the storm:
    // a second wave of fresh buyers takes whatever the raise added and was not yet claimed.
    const second = await runStorm(app, policyId, stormOf(1_000, 0));

    const winners = [...outcomes, ...second]
      .filter((o) => o.answer === 201)
      .map((o) => o.buyerId)
      .sort();
    expect(winners).toHaveLength(150);
    expect(new Set(winners).size).toBe(150);
    const state = await issuedState(app, policyId);
    expect(state).toEqual({ issuedCount: 150, databaseBuyers: winners, redisIssued: 150, redisBuyers: winners });
  });
});
