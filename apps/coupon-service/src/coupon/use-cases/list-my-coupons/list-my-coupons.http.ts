import { listMyCouponsRoute } from '@sneakers/contracts';
import { handle } from '@sneakers/kit';
import type { Router } from 'express';
import type { CouponDeps } from '../../coupon.deps';
import { userCouponView } from '../../coupon.views';
import { listMyCoupons } from './list-my-coupons.use-case';

export function serveListMyCoupons(router: Router, { runInTransaction, clock }: CouponDeps): void {
  handle(router, listMyCouponsRoute, async ({ identity, query }) => {
    const page = await runInTransaction((tx) => listMyCoupons(tx, identity.userId, query));
    const now = clock();
    return {
      status: 200,
      body: { ...page, items: page.items.map(({ coupon, policy }) => userCouponView(coupon, policy, now)) },
    };
  });
}
