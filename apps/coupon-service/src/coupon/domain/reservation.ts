import type { COUPON_REJECT_REASONS } from '@sneakers/contracts/events';
import type { UserCoupon } from './user-coupon';

export type CouponRejectReason = (typeof COUPON_REJECT_REASONS)[number];

/**
 * Why the coupon cannot be reserved for the buyer's order placed at `placedAt`; undefined when it
 * can. Someone else's coupon reads as NOT_OWNER (the order carried a coupon id it has no right to).
 */
export function reservationRefusal(
  coupon: UserCoupon | undefined,
  buyerId: string,
  placedAt: Date,
): CouponRejectReason | undefined {
  if (!coupon) return 'NOT_FOUND';
  if (coupon.buyerId !== buyerId) return 'NOT_OWNER';
  if (coupon.status !== 'AVAILABLE') return 'NOT_AVAILABLE';
  if (coupon.expiresAt.getTime() <= placedAt.getTime()) return 'EXPIRED';
  return undefined;
}
