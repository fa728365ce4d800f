import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import {
  type Caller,
  type CouponApp,
  createPolicy,
  policyTerms,
  STORM_ENV,
  startCouponApp,
} from '../support/coupon-app';
import { issuedState, stormOf } from '../support/storm';

const CONCURRENCY = 200;

describe('A storm of claims over real HTTP', () => {
  let app: CouponApp;
  let seller: Caller;

  beforeAll(async () => {
    app = await startCouponApp({ env: STORM_ENV });
    seller = await app.caller('SELLER', 'APPROVED');
  });
  afterAll(() => app.close());

  it(`When 10,000 buyers (plus 1,000 repeats) claim 100 coupons over HTTP, ${CONCURRENCY} at a time, then exactly 100 get 201, one per buyer, and the database and Redis agree`, async () => {
    const policyId = await createPolicy(app, seller, policyTerms(new Date(), { totalQuantity: 100 }));
    const attempts = stormOf(10_000, 1_000);
    const tokens = new Map<string, string>();
    for (const buyerId of new Set(attempts))
      tokens.set(buyerId, `Bearer ${await app.tokens.sign({ userId: buyerId, role: 'BUYER' })}`);
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/coupon-policies/${policyId}/claims`;

    const answers: Array<{ buyerId: string; status: number; code?: string }> = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < attempts.length) {
          const buyerId = attempts[next++] as string;
          const response = await fetch(url, {
            method: 'POST',
            headers: { authorization: tokens.get(buyerId) as string, 'idempotency-key': randomUUID() },
          });
          const body = (await response.json()) as { code?: string };
          answers.push({ buyerId, status: response.status, code: body.code });
        }
      }),
    );

    const winners = answers
      .filter((a) => a.status === 201)
      .map((a) => a.buyerId)
      .sort();
    expect(answers).toHaveLength(11_000);
    expect(winners).toHaveLength(100);
    expect(new Set(winners).size).toBe(100);
    expect(answers.filter((a) => a.status !== 201).every((a) => a.status === 409)).toBe(true);
    expect(await issuedState(app, policyId)).toEqual({
      issuedCount: 100,
      databaseBuyers: winners,
      redisIssued: 100,
      redisBuyers: winners,
    });
  });
});
