import { claimCouponRoute, handle } from '@sneakers/shared';
import type { Router } from 'express';
import type { CouponDeps } from '../../coupon.deps';
import { claimCoupon } from './claim-coupon.use-case';

export function serveClaimCoupon(router: Router, deps: CouponDeps): void {
  handle(router, claimCouponRoute, ({ identity, params, idempotencyKey }) =>
    claimCoupon(deps, {
      policyId: params.policyId,
      buyerId: identity.userId,
      idempotencyKey,
      fingerprint: { method: claimCouponRoute.method, path: claimCouponRoute.path, policyId: params.policyId },
    }),
  );
}
