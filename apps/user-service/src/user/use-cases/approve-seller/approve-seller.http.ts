import { approveSellerRoute } from '@sneakers/contracts';
import { handleIdempotent } from '@sneakers/kit';
import type { Router } from 'express';
import type { UserDeps } from '../../user.deps';
import { toUserView } from '../../user.views';
import { approveSeller } from './approve-seller.use-case';

export function serveApproveSeller(router: Router, deps: UserDeps): void {
  handleIdempotent(router, approveSellerRoute, deps.runInTransaction, ({ params, idempotently }) =>
    idempotently(async (tx) => ({ status: 200, body: toUserView(await approveSeller(tx, deps, params.sellerId)) })),
  );
}
