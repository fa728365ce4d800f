import type { Tx } from '../../../prisma';
import { findPolicy, takeOneCoupon } from '../../coupon-policy.repository';
import { CouponErrors } from '../../domain/coupon.errors';
import { type CouponPolicy, claimRefusal, couponExpiry } from '../../domain/coupon-policy';
import type { UserCoupon } from '../../domain/user-coupon';
import { insertCouponOnce } from '../../user-coupon.repository';

/**
 * The durable half of a claim, in the caller's transaction: count one coupon off the policy under
 * its guards, then insert the buyer's coupon under the one-per-buyer constraint. Either refusal
 * throws, which rolls both back; so the count always equals the coupons that exist.
 */
export async function issueCoupon(
  tx: Tx,
  { policyId, buyerId, now }: { policyId: string; buyerId: string; now: Date },
): Promise<{ coupon: UserCoupon; policy: CouponPolicy }> {
  const policy = await takeOneCoupon(tx, policyId, now);
  if (!policy) throw await whyRefused(tx, policyId, now);
  const coupon = await insertCouponOnce(tx, { policyId, buyerId, issuedAt: now, expiresAt: couponExpiry(policy, now) });
  if (!coupon) throw CouponErrors.alreadyClaimed();
  return { coupon, policy };
}

async function whyRefused(tx: Tx, policyId: string, now: Date) {
  const policy = await findPolicy(tx, policyId);
  if (!policy) return CouponErrors.policyNotFound();
  // The guarded UPDATE refused, so one of the guards failed; sold out is the only one left.
  return claimRefusal(policy, now, false) ?? CouponErrors.soldOut();
}
