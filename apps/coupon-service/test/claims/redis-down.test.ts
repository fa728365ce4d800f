import request from 'supertest';
import { type Caller, type CouponApp, createPolicy, policyTerms, startCouponApp } from '../support/coupon-app';

describe('Claims while Redis is down', () => {
  let app: CouponApp;
  let seller: Caller;

  beforeAll(async () => {
    // Nothing listens on port 1: the service starts with its claim store unreachable.
    app = await startCouponApp({ redisUrl: 'redis://127.0.0.1:1' });
    seller = await app.caller('SELLER', 'APPROVED');
  });
  afterAll(() => app.close());

  it('When a buyer claims, then 503 CLAIMS_UNAVAILABLE comes back fast and nothing is issued', async () => {
    const policyId = await createPolicy(app, seller, policyTerms());
    const buyers = await Promise.all(Array.from({ length: 20 }, () => app.caller('BUYER')));

    const started = Date.now();
    const responses = await Promise.all(
      buyers.map((b) =>
        request(app.server).post(`/coupon-policies/${policyId}/claims`).set('Authorization', b.authorization),
      ),
    );

    expect(Date.now() - started).toBeLessThan(2_000);
    expect(responses.map((r) => [r.status, r.body.code])).toEqual(Array(20).fill([503, 'COUPON.CLAIMS_UNAVAILABLE']));
    expect(responses[0]?.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(await app.prisma.userCoupon.count()).toBe(0);
  });

  it('When Redis is down, then sellers still manage policies (the database alone decides those)', async () => {
    const policyId = await createPolicy(app, seller, policyTerms());

    const paused = await request(app.server)
      .post(`/coupon-policies/${policyId}/pause`)
      .set('Authorization', seller.authorization);

    expect(paused.body.status).toBe('PAUSED');
  });
});
