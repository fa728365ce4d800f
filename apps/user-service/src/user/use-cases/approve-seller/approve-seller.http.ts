import { approveSellerRoute, handle } from '@sneakers/shared';
import type { Router } from 'express';
import type { UserServiceDeps } from '../../../deps';
import { approveSeller } from './approve-seller.use-case';

export function approveSellerHttp(router: Router, deps: UserServiceDeps): void {
  handle(router, approveSellerRoute, ({ params, identity, idempotencyKey }) =>
    approveSeller(deps, { sellerId: params.sellerId, adminId: identity.userId, idempotencyKey }),
  );
}
