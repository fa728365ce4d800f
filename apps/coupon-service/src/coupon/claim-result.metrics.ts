import type { ServiceMetrics } from '@sneakers/kit';
import type { ClaimResults } from './use-cases/claim-coupon/claim-results';

/** Counts claims as `coupon_claims_total{result}`. */
export function claimResultMetrics(metrics: ServiceMetrics): ClaimResults {
  const claims = metrics.counter({
    name: 'coupon_claims_total',
    help: 'Coupon claims by result: CLAIMED, REPLAYED, the refusal code (COUPON.SOLD_OUT, …) or FAILED.',
    labelNames: ['result'],
  });
  return { record: (result) => claims.inc({ result }) };
}
