import { randomUUID } from 'node:crypto';
import { claimCouponRoute } from '@sneakers/contracts';
import { createServiceMetrics, idempotently, idempotentRequest } from '@sneakers/kit';
import { metricSample } from '@sneakers/kit/testing';
import { claimResultMetrics } from '../../src/coupon/claim-result.metrics';
import type { CouponDeps } from '../../src/coupon/coupon.deps';
import { claimCoupon } from '../../src/coupon/use-cases/claim-coupon/claim-coupon.use-case';
import { type Caller, type CouponApp, createPolicy, policyTerms, startCouponApp } from '../support/coupon-app';

describe('Coupon claim metrics', () => {
  let app: CouponApp;
  let seller: Caller;
  let deps: CouponDeps;
  const metrics = createServiceMetrics('coupon-service');

  beforeAll(async () => {
    app = await startCouponApp();
    seller = await app.caller('SELLER', 'APPROVED');
    deps = { ...app.deps, claimResults: claimResultMetrics(metrics) };
  });
  afterAll(() => app.close());

  const claim = (policyId: string, buyerId: string, key?: string) => {
    const request =
      key === undefined
        ? undefined
        : idempotentRequest(claimCouponRoute, { principal: buyerId, params: { policyId } }, key);
    return claimCoupon(deps, { policyId, buyerId }, idempotently(deps.runInTransaction, request)).catch(
      () => undefined,
    );
  };
  const claims = (result: string) => metricSample(metrics.registry, 'coupon_claims_total', { result });

  it('When buyers claim, repeat, and find the policy sold out, then each claim is counted by its result', async () => {
    const policyId = await createPolicy(app, seller, policyTerms(new Date(), { totalQuantity: 2 }));
    const [first, second, late] = [randomUUID(), randomUUID(), randomUUID()];

    await claim(policyId, first, 'key-1');
    await claim(policyId, first, 'key-1');
    await claim(policyId, first);
    await claim(policyId, second);
    await claim(policyId, late);
    await claim(randomUUID(), late);

    expect(await claims('CLAIMED')).toBe(2);
    expect(await claims('REPLAYED')).toBe(1);
    expect(await claims('COUPON.ALREADY_CLAIMED')).toBe(1);
    expect(await claims('COUPON.SOLD_OUT')).toBe(1);
    expect(await claims('COUPON.POLICY_NOT_FOUND')).toBe(1);
  });
});
