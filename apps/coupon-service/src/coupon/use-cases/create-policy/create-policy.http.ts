import { createCouponPolicyRoute, handle, withIdempotency } from '@sneakers/shared';
import type { Router } from 'express';
import type { CouponDeps } from '../../coupon.deps';
import { policyView } from '../../coupon.views';
import { createPolicy } from './create-policy.use-case';

export function serveCreatePolicy(router: Router, { runInTransaction }: CouponDeps): void {
  handle(router, createCouponPolicyRoute, ({ identity, body, idempotencyKey }) =>
    withIdempotency(
      runInTransaction,
      {
        scope: identity.userId,
        key: idempotencyKey,
        fingerprint: { method: createCouponPolicyRoute.method, path: createCouponPolicyRoute.path, body },
      },
      async (tx) => ({ status: 201, body: policyView(await createPolicy(tx, identity.userId, body)) }),
    ),
  );
}
