import { createCouponPolicyRoute } from '@sneakers/contracts';
import { handleIdempotent } from '@sneakers/kit';
import type { Router } from 'express';
import type { CouponDeps } from '../../coupon.deps';
import { policyView } from '../../coupon.views';
import { createPolicy } from './create-policy.use-case';

export function serveCreatePolicy(router: Router, { runInTransaction }: CouponDeps): void {
  handleIdempotent(router, createCouponPolicyRoute, runInTransaction, ({ identity, body, idempotently }) =>
    idempotently(async (tx) => ({ status: 201, body: policyView(await createPolicy(tx, identity.userId, body)) })),
  );
}
