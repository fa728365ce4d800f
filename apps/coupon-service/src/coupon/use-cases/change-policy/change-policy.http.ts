import {
  endCouponPolicyRoute,
  pauseCouponPolicyRoute,
  raiseCouponQuantityRoute,
  resumeCouponPolicyRoute,
} from '@sneakers/contracts';
import { handle } from '@sneakers/kit';
import type { Router } from 'express';
import type { CouponDeps } from '../../coupon.deps';
import { policyView } from '../../coupon.views';
import { changePolicy, type PolicyChange } from './change-policy.use-case';

export function serveChangePolicy(router: Router, deps: CouponDeps): void {
  const apply = async (policyId: string, sellerId: string, change: PolicyChange) => {
    const policy = await deps.runInTransaction((tx) => changePolicy(tx, { policyId, sellerId, change }));
    // After the commit, so claims see the change at once. If Redis misses it, the database guard
    // still refuses claims on a paused or ended policy (see ClaimLedger.syncPolicy).
    await deps.ledger.syncPolicy(policy).catch(() => undefined);
    return { status: 200, body: policyView(policy) };
  };
  handle(router, pauseCouponPolicyRoute, ({ identity, params }) =>
    apply(params.policyId, identity.userId, { action: 'pause' }),
  );
  handle(router, resumeCouponPolicyRoute, ({ identity, params }) =>
    apply(params.policyId, identity.userId, { action: 'resume' }),
  );
  handle(router, endCouponPolicyRoute, ({ identity, params }) =>
    apply(params.policyId, identity.userId, { action: 'end' }),
  );
  handle(router, raiseCouponQuantityRoute, ({ identity, params, body }) =>
    apply(params.policyId, identity.userId, { action: 'raise', totalQuantity: body.totalQuantity }),
  );
}
