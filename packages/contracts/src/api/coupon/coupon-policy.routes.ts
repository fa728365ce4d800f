import { pageQuery, pageSchema } from '@sneakers/kit';
import { z } from 'zod';
import type { PlatformRoute } from '../platform-route';
import { couponPolicySchema, createCouponPolicyBody, policyIdParams } from './coupon.schemas';

const sellerErrors = {
  401: { description: 'No valid access token' },
  403: { description: 'Not a seller, store not approved, or COUPON.NOT_POLICY_OWNER' },
  404: { description: 'COUPON.POLICY_NOT_FOUND' },
} as const;

export const createCouponPolicyRoute = {
  service: 'coupon-service',
  method: 'post',
  path: '/coupon-policies',
  summary: 'Issue a coupon campaign for my products',
  tag: 'seller coupons',
  access: ['SELLER'],
  idempotent: true,
  body: createCouponPolicyBody,
  responses: {
    201: { description: 'Created, ACTIVE', schema: couponPolicySchema },
    400: { description: 'Invalid body or Idempotency-Key' },
    401: sellerErrors[401],
    403: { description: 'Not a seller, or store not approved' },
    422: { description: 'IDEMPOTENCY.KEY_REUSED with another body' },
  },
} satisfies PlatformRoute;

export const listManagedCouponPoliciesRoute = {
  service: 'coupon-service',
  method: 'get',
  path: '/manage/coupon-policies',
  summary: "My campaigns, newest first (an admin sees every seller's)",
  tag: 'seller coupons',
  access: ['SELLER', 'ADMIN'],
  query: pageQuery,
  responses: {
    200: { description: 'One page', schema: pageSchema(couponPolicySchema) },
    400: { description: 'Invalid limit or cursor' },
    401: sellerErrors[401],
    403: { description: 'Neither an approved seller nor an admin' },
  },
} satisfies PlatformRoute;

const transition = (action: 'pause' | 'resume' | 'end', summary: string, conflict: string) =>
  ({
    service: 'coupon-service',
    method: 'post',
    path: `/coupon-policies/{policyId}/${action}`,
    summary,
    tag: 'seller coupons',
    access: ['SELLER'],
    params: policyIdParams,
    responses: {
      200: { description: 'The policy after the change (repeating it changes nothing)', schema: couponPolicySchema },
      400: { description: 'Invalid policy id' },
      ...sellerErrors,
      409: { description: conflict },
    },
  }) satisfies PlatformRoute;

export const pauseCouponPolicyRoute = transition('pause', 'Stop claims for now', 'COUPON.POLICY_ENDED');
export const resumeCouponPolicyRoute = transition('resume', 'Let claims continue', 'COUPON.POLICY_ENDED');
export const endCouponPolicyRoute = transition('end', 'End claims for good (issued coupons stay valid)', '—');

export const raiseCouponQuantityRoute = {
  service: 'coupon-service',
  method: 'put',
  path: '/coupon-policies/{policyId}/quantity',
  summary: 'Raise the total quantity (it can only grow)',
  tag: 'seller coupons',
  access: ['SELLER'],
  params: policyIdParams,
  body: z.strictObject({ totalQuantity: z.number().int().min(1).max(1_000_000) }),
  responses: {
    200: { description: 'The policy with its new quantity', schema: couponPolicySchema },
    400: { description: 'Invalid body or policy id' },
    ...sellerErrors,
    409: { description: 'COUPON.QUANTITY_CANNOT_SHRINK or COUPON.POLICY_ENDED' },
  },
} satisfies PlatformRoute;
