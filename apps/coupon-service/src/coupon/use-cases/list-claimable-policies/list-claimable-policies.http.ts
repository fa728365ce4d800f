import { listClaimablePoliciesRoute } from '@sneakers/contracts';
import { handle } from '@sneakers/kit';
import type { Router } from 'express';
import type { CouponDeps } from '../../coupon.deps';
import { claimablePolicyView } from '../../coupon.views';
import { listClaimablePolicies } from './list-claimable-policies.use-case';

export function serveListClaimablePolicies(router: Router, { runInTransaction, clock }: CouponDeps): void {
  handle(router, listClaimablePoliciesRoute, async ({ query }) => {
    const page = await runInTransaction((tx) => listClaimablePolicies(tx, clock(), query));
    return { status: 200, body: { ...page, items: page.items.map(claimablePolicyView) } };
  });
}
