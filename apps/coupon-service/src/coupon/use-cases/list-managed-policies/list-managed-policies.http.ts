import { listManagedCouponPoliciesRoute } from '@sneakers/contracts';
import { handle } from '@sneakers/kit';
import type { Router } from 'express';
import type { CouponDeps } from '../../coupon.deps';
import { policyView } from '../../coupon.views';
import { listManagedPolicies } from './list-managed-policies.use-case';

export function serveListManagedPolicies(router: Router, { runInTransaction }: CouponDeps): void {
  handle(router, listManagedCouponPoliciesRoute, async ({ identity, query }) => {
    const page = await runInTransaction((tx) => listManagedPolicies(tx, identity, query));
    return { status: 200, body: { ...page, items: page.items.map(policyView) } };
  });
}
