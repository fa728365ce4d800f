import type { RouteContract } from '../route-contract';
import { claimCouponRoute, listClaimablePoliciesRoute, listMyCouponsRoute } from './coupon.routes';
import {
  createCouponPolicyRoute,
  endCouponPolicyRoute,
  listManagedCouponPoliciesRoute,
  pauseCouponPolicyRoute,
  raiseCouponQuantityRoute,
  resumeCouponPolicyRoute,
} from './coupon-policy.routes';

export * from './coupon.routes';
export * from './coupon.schemas';
export * from './coupon-policy.routes';

/** Every public endpoint of coupon-service, for the gateway's routing table and OpenAPI. */
export const couponRoutes: readonly RouteContract[] = [
  listClaimablePoliciesRoute,
  claimCouponRoute,
  listMyCouponsRoute,
  createCouponPolicyRoute,
  listManagedCouponPoliciesRoute,
  pauseCouponPolicyRoute,
  resumeCouponPolicyRoute,
  endCouponPolicyRoute,
  raiseCouponQuantityRoute,
];
