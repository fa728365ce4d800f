import { type Caller, type CouponApp, createPolicy, policyTerms, startCouponApp } from '../support/coupon-app';
import { slowRedis } from '../support/slow-redis';
import { issuedState, runStorm, type StormOutcome, stormOf, tally } from '../support/storm';

describe('Claims whose Redis answer times out', () => {
  let app: CouponApp;
  let seller: Caller;
  let redis: Awaited<ReturnType<typeof slowRedis>>;

  beforeAll(async () => {
    redis = await slowRedis();
    app = await startCouponApp({ redisUrl: redis.url, env: { REDIS_COMMAND_TIMEOUT_MS: '40' } });
    seller = await app.caller('SELLER', 'APPROVED');
  });
  afterAll(async () => {
    await app.close();
    await redis.close();
  });

  it('When many claims time out, then they answer 503, leave no mark behind, and never issue more than the quantity', async () => {
    const policyId = await createPolicy(app, seller, policyTerms(new Date(), { totalQuantity: 100 }));
    const [warmUp] = await runStorm(app, policyId, stormOf(1, 0)); // builds the ledger

    // Once the first claims are answered, Redis's answers come 100 ms late for a moment, past the
    // 40 ms timeout, while it still runs the scripts. (Under load alone, whether any timed out
    // depended on the machine.)
    const storm = await runStorm(app, policyId, stormOf(5_000, 0), async (answered) => {
      while (answered() < 20) await new Promise((resolve) => setImmediate(resolve));
      redis.delayAnswers(100);
      await new Promise((resolve) => setTimeout(resolve, 150));
      redis.delayAnswers(0);
    });
    const outcomes = [warmUp as StormOutcome, ...storm];
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
