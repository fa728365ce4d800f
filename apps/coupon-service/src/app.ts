import { routerFor, type TransactionRunner } from '@sneakers/kit';
import type { Router } from 'express';
import type { Redis } from 'ioredis';
import { type Clock, systemClock } from './clock';
import type { CouponServiceConfig } from './config';
import { ClaimLedger } from './coupon/claim-ledger/claim-ledger';
import { InMemoryClaimLedger } from './coupon/claim-ledger/in-memory-claim-ledger';
import type { LoadClaimants } from './coupon/claim-ledger/ledger';
import type { CouponDeps } from './coupon/coupon.deps';
import { findPolicyWithClaimants } from './coupon/coupon-policy.repository';
import { serveChangePolicy } from './coupon/use-cases/change-policy/change-policy.http';
import { serveClaimCoupon } from './coupon/use-cases/claim-coupon/claim-coupon.http';
import { type ClaimResults, uncountedClaims } from './coupon/use-cases/claim-coupon/claim-results';
import { serveCreatePolicy } from './coupon/use-cases/create-policy/create-policy.http';
import { serveListClaimablePolicies } from './coupon/use-cases/list-claimable-policies/list-claimable-policies.http';
import { serveListManagedPolicies } from './coupon/use-cases/list-managed-policies/list-managed-policies.http';
import { serveListMyCoupons } from './coupon/use-cases/list-my-coupons/list-my-coupons.http';
import type { Tx } from './prisma';

export interface CouponRoutesDeps {
  config: Pick<CouponServiceConfig, 'REDIS_KEY_PREFIX'>;
  runInTransaction: TransactionRunner<Tx>;
  /** Absent in the embedded mode: the ledger then lives in this process's memory. */
  redis?: Redis;
  clock?: Clock;
  claimResults?: ClaimResults;
}

/** Every endpoint coupon-service serves, mounted by runService (in production and in tests alike). */
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
export function couponDeps({
  config,
  runInTransaction,
  redis,
  clock = systemClock,
  claimResults = uncountedClaims,
}: CouponRoutesDeps): CouponDeps {
  const loadClaimants: LoadClaimants = (policyId) => runInTransaction((tx) => findPolicyWithClaimants(tx, policyId));
  const ledger = redis
    ? new ClaimLedger(redis, config.REDIS_KEY_PREFIX, loadClaimants)
    : new InMemoryClaimLedger(loadClaimants);
  return { runInTransaction, ledger, clock, claimResults };
}
