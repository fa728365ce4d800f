import type { DiscountRule, DiscountType } from '@sneakers/contracts/discount';
import { CouponErrors } from './coupon.errors';

export type CouponPolicyStatus = 'ACTIVE' | 'PAUSED' | 'ENDED';

export interface CouponPolicy {
  id: string;
  sellerId: string;
  name: string;
  discountType: DiscountType;
  discountValue: number;
  maxDiscount: number | null;
  minOrderAmount: number;
  totalQuantity: number;
  issuedCount: number;
  claimStartsAt: Date;
  claimEndsAt: Date;
  validUntil: Date | null;
  validDays: number | null;
  status: CouponPolicyStatus;
  createdAt: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a coupon claimed at `claimedAt` stops being usable. */
export function couponExpiry(policy: Pick<CouponPolicy, 'validUntil' | 'validDays'>, claimedAt: Date): Date {
  if (policy.validUntil) return policy.validUntil;
  return new Date(claimedAt.getTime() + (policy.validDays ?? 0) * DAY_MS);
}

/** The window is half-open, [start, end): at claimEndsAt exactly the claim is already too late. */
export const isInClaimWindow = (policy: Pick<CouponPolicy, 'claimStartsAt' | 'claimEndsAt'>, now: Date): boolean =>
  policy.claimStartsAt.getTime() <= now.getTime() && now.getTime() < policy.claimEndsAt.getTime();

/**
 * Why a claim on `policy` cannot succeed now, checked in the order the Redis script checks, so the
 * database path and the fast path give the same answer. Undefined when it can.
 */
export function claimRefusal(policy: CouponPolicy, now: Date, alreadyClaimed: boolean) {
  if (policy.status !== 'ACTIVE') return CouponErrors.policyNotActive();
  if (!isInClaimWindow(policy, now)) return CouponErrors.notInClaimWindow();
  if (alreadyClaimed) return CouponErrors.alreadyClaimed();
  if (policy.issuedCount >= policy.totalQuantity) return CouponErrors.soldOut();
  return undefined;
}

/** ACTIVE ⇄ PAUSED; ENDED is final. Returns the status to store (the same one when nothing changes). */
export function nextStatus(current: CouponPolicyStatus, action: 'pause' | 'resume' | 'end'): CouponPolicyStatus {
  if (action === 'end') return 'ENDED';
  if (current === 'ENDED') throw CouponErrors.policyEnded();
  return action === 'pause' ? 'PAUSED' : 'ACTIVE';
}

export function assertQuantityMayBecome(policy: CouponPolicy, totalQuantity: number): void {
  if (policy.status === 'ENDED') throw CouponErrors.policyEnded();
  if (totalQuantity < policy.totalQuantity) throw CouponErrors.quantityCannotShrink(policy.totalQuantity);
}

export function assertOwnedBy(policy: CouponPolicy, sellerId: string): void {
  if (policy.sellerId !== sellerId) throw CouponErrors.notPolicyOwner();
}

/** The rule a reserved coupon carries into checkout. */
export const discountRuleOf = (policy: CouponPolicy): DiscountRule => ({
  type: policy.discountType,
  value: policy.discountValue,
  maxDiscount: policy.maxDiscount,
  minOrderAmount: policy.minOrderAmount,
  sellerId: policy.sellerId,
});
