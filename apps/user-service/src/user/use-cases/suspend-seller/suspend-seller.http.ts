import { handle, suspendSellerRoute } from '@sneakers/shared';
import type { Router } from 'express';
import type { UserServiceDeps } from '../../../deps';
import { suspendSeller } from './suspend-seller.use-case';

export function suspendSellerHttp(router: Router, deps: UserServiceDeps): void {
  handle(router, suspendSellerRoute, ({ params, identity, idempotencyKey }) =>
    suspendSeller(deps, { sellerId: params.sellerId, adminId: identity.userId, idempotencyKey }),
  );
}
