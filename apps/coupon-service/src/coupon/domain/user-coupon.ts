export type StoredCouponStatus = 'AVAILABLE' | 'RESERVED' | 'USED';
export type ShownCouponStatus = StoredCouponStatus | 'EXPIRED';

export interface UserCoupon {
  id: string;
  policyId: string;
  buyerId: string;
  status: StoredCouponStatus;
  orderId: string | null;
  issuedAt: Date;
  expiresAt: Date;
}

/**
 * EXPIRED is derived, never stored: an AVAILABLE coupon past its date is expired the moment it
 * passes, with no sweeper to lag behind. A RESERVED one stays reserved until its order ends.
 */
export function shownStatus(coupon: Pick<UserCoupon, 'status' | 'expiresAt'>, now: Date): ShownCouponStatus {
  return coupon.status === 'AVAILABLE' && coupon.expiresAt.getTime() <= now.getTime() ? 'EXPIRED' : coupon.status;
}
