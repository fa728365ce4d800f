import type { claimablePolicySchema, couponPolicySchema, userCouponSchema } from '@sneakers/contracts';
import type { z } from 'zod';
import type { CouponPolicy } from './domain/coupon-policy';
import { shownStatus, type UserCoupon } from './domain/user-coupon';
import type { CouponWithPolicy } from './user-coupon.repository';

/** The JSON shapes of the coupon contracts, typed by them so the two cannot drift apart. */
export const policyView = (p: CouponPolicy): z.infer<typeof couponPolicySchema> => ({
  id: p.id,
  sellerId: p.sellerId,
  name: p.name,
  discountType: p.discountType,
  discountValue: p.discountValue,
  maxDiscount: p.maxDiscount,
  minOrderAmount: p.minOrderAmount,
  totalQuantity: p.totalQuantity,
  issuedCount: p.issuedCount,
  claimStartsAt: p.claimStartsAt.toISOString(),
  claimEndsAt: p.claimEndsAt.toISOString(),
  validUntil: p.validUntil?.toISOString() ?? null,
  validDays: p.validDays,
  status: p.status,
  createdAt: p.createdAt.toISOString(),
});

export const claimablePolicyView = (p: CouponPolicy): z.infer<typeof claimablePolicySchema> => {
  const { issuedCount, status: _status, createdAt: _createdAt, ...terms } = policyView(p);
  return { ...terms, remaining: Math.max(0, p.totalQuantity - issuedCount) };
};

export const userCouponView = (
  coupon: UserCoupon,
  policy: CouponWithPolicy['policy'],
  now: Date,
): z.infer<typeof userCouponSchema> => ({
  id: coupon.id,
  policyId: coupon.policyId,
  name: policy.name,
  status: shownStatus(coupon, now),
  discountType: policy.discountType,
  discountValue: policy.discountValue,
  maxDiscount: policy.maxDiscount,
  minOrderAmount: policy.minOrderAmount,
  sellerId: policy.sellerId,
  orderId: coupon.orderId,
  issuedAt: coupon.issuedAt.toISOString(),
  expiresAt: coupon.expiresAt.toISOString(),
});
