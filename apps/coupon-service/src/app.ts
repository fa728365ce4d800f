import { routerFor, type TransactionRunner } from '@sneakers/shared';
import type { Router } from 'express';
import type { Redis } from 'ioredis';
import { type Clock, systemClock } from './clock';
import type { CouponServiceConfig } from './config';
import { ClaimLedger } from './coupon/claim-ledger/claim-ledger';
import type { CouponDeps } from './coupon/coupon.deps';
import { findPolicyWithClaimants } from './coupon/coupon-policy.repository';
import { serveChangePolicy } from './coupon/use-cases/change-policy/change-policy.http';
import { serveClaimCoupon } from './coupon/use-cases/claim-coupon/claim-coupon.http';
import { serveCreatePolicy } from './coupon/use-cases/create-policy/create-policy.http';
import { serveListClaimablePolicies } from './coupon/use-cases/list-claimable-policies/list-claimable-policies.http';
import { serveListManagedPolicies } from './coupon/use-cases/list-managed-policies/list-managed-policies.http';
import { serveListMyCoupons } from './coupon/use-cases/list-my-coupons/list-my-coupons.http';
import type { Tx } from './prisma';

export interface CouponRoutesDeps {
  config: Pick<CouponServiceConfig, 'REDIS_KEY_PREFIX'>;
  runInTransaction: TransactionRunner<Tx>;
  redis: Redis;
  clock?: Clock;
}

/** Every endpoint coupon-service serves (runService mounts them; tests mount them in-process). */
export function couponRoutes(routesDeps: CouponRoutesDeps): Router[] {
  const deps = couponDeps(routesDeps);
  const buyer = routerFor();
  serveListClaimablePolicies(buyer, deps);
  serveClaimCoupon(buyer, deps);
  serveListMyCoupons(buyer, deps);
  const seller = routerFor();
  serveCreatePolicy(seller, deps);
  serveListManagedPolicies(seller, deps);
  serveChangePolicy(seller, deps);
  return [buyer, seller];
}

/** The use cases' dependencies, built once (tests call use cases with these directly). */
export function couponDeps({ config, runInTransaction, redis, clock = systemClock }: CouponRoutesDeps): CouponDeps {
  const ledger = new ClaimLedger(redis, config.REDIS_KEY_PREFIX, (policyId) =>
    runInTransaction((tx) => findPolicyWithClaimants(tx, policyId)),
  );
  return { runInTransaction, ledger, clock };
}
