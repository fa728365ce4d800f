import { claimCouponRoute } from '@sneakers/contracts';
import { handleIdempotent } from '@sneakers/kit';
import type { Router } from 'express';
import type { CouponDeps } from '../../coupon.deps';
import { claimCoupon } from './claim-coupon.use-case';

export function serveClaimCoupon(router: Router, deps: CouponDeps): void {
  handleIdempotent(router, claimCouponRoute, deps.runInTransaction, ({ identity, params, idempotently }) =>
    claimCoupon(deps, { policyId: params.policyId, buyerId: identity.userId }, idempotently),
  );
}
