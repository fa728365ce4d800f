import type { PlatformRoute } from '../platform-route';
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
export const couponRoutes: readonly PlatformRoute[] = [
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
