import { suspendSellerRoute } from '@sneakers/contracts';
import { handleIdempotent } from '@sneakers/kit';
import type { Router } from 'express';
import type { UserDeps } from '../../user.deps';
import { toUserView } from '../../user.views';
import { suspendSeller } from './suspend-seller.use-case';

export function serveSuspendSeller(router: Router, deps: UserDeps): void {
  handleIdempotent(router, suspendSellerRoute, deps.runInTransaction, ({ params, idempotently }) =>
    idempotently(async (tx) => ({ status: 200, body: toUserView(await suspendSeller(tx, deps, params.sellerId)) })),
  );
}
