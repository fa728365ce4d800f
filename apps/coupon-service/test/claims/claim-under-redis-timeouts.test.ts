import { type Caller, type CouponApp, createPolicy, policyTerms, startCouponApp } from '../support/coupon-app';
import { issuedState, runStorm, type StormOutcome, stormOf, tally } from '../support/storm';

describe('Claims whose Redis answer times out', () => {
  let app: CouponApp;
  let seller: Caller;

  beforeAll(async () => {
    // 40 ms: much of a 5,000-claim burst times out in the client while Redis still runs the scripts.
    app = await startCouponApp({ env: { REDIS_COMMAND_TIMEOUT_MS: '40' } });
    seller = await app.caller('SELLER', 'APPROVED');
  });
  afterAll(() => app.close());

  it('When many claims time out, then they answer 503, leave no mark behind, and never issue more than the quantity', async () => {
    const policyId = await createPolicy(app, seller, policyTerms(new Date(), { totalQuantity: 100 }));
    const [warmUp] = await runStorm(app, policyId, stormOf(1, 0)); // builds the ledger

    const outcomes = [warmUp as StormOutcome, ...(await runStorm(app, policyId, stormOf(5_000, 0)))];
    await new Promise((resolve) => setTimeout(resolve, 500)); // let Redis drain the undos already sent

    const counts = tally(outcomes);
    const winners = outcomes
      .filter((o) => o.answer === 201)
      .map((o) => o.buyerId)
      .sort();
    const state = await issuedState(app, policyId);
    expect(counts['COUPON.CLAIMS_UNAVAILABLE']).toBeGreaterThan(0);
    expect(state.issuedCount).toBe(winners.length);
    expect(state.databaseBuyers).toEqual(winners);
    // The ledger holds exactly the coupons that exist: no timed-out mark is left holding one.
    expect({ issued: state.redisIssued, buyers: state.redisBuyers }).toEqual({
      issued: winners.length,
      buyers: winners,
    });
    console.info(`40 ms Redis timeout: ${JSON.stringify(counts)}`);
  });
});
