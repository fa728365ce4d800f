import { pageQuery, pageSchema } from '@sneakers/kit';
import type { PlatformRoute } from '../platform-route';
import { claimablePolicySchema, policyIdParams, userCouponSchema } from './coupon.schemas';

export const listClaimablePoliciesRoute = {
  service: 'coupon-service',
  method: 'get',
  path: '/coupon-policies',
  summary: 'Coupons that can be claimed right now, newest first',
  tag: 'coupons',
  access: 'public',
  query: pageQuery,
  responses: {
    200: { description: 'One page of claimable policies', schema: pageSchema(claimablePolicySchema) },
    400: { description: 'Invalid limit or cursor' },
  },
} satisfies PlatformRoute;

export const claimCouponRoute = {
  service: 'coupon-service',
  method: 'post',
  path: '/coupon-policies/{policyId}/claims',
  summary: 'Claim one coupon (first come, first served; one per buyer)',
  tag: 'coupons',
  access: ['BUYER'],
  idempotent: true,
  params: policyIdParams,
  responses: {
    201: { description: 'Issued', schema: userCouponSchema },
    400: { description: 'Invalid policy id or Idempotency-Key' },
    401: { description: 'No valid access token' },
    403: { description: 'Not a buyer' },
    404: { description: 'COUPON.POLICY_NOT_FOUND' },
    409: { description: 'COUPON.SOLD_OUT, COUPON.ALREADY_CLAIMED, or COUPON.POLICY_NOT_ACTIVE (paused or ended)' },
    422: { description: 'COUPON.NOT_IN_CLAIM_WINDOW, or IDEMPOTENCY.KEY_REUSED' },
    503: { description: 'COUPON.CLAIMS_UNAVAILABLE: the claim store is down; retry later' },
  },
} satisfies PlatformRoute;

export const listMyCouponsRoute = {
  service: 'coupon-service',
  method: 'get',
  path: '/coupons/me',
  summary: 'My coupons, newest first (AVAILABLE, RESERVED, USED, EXPIRED)',
  tag: 'coupons',
  access: ['BUYER'],
  query: pageQuery,
  responses: {
    200: { description: 'One page of my coupons', schema: pageSchema(userCouponSchema) },
    400: { description: 'Invalid limit or cursor' },
    401: { description: 'No valid access token' },
    403: { description: 'Not a buyer' },
  },
} satisfies PlatformRoute;
