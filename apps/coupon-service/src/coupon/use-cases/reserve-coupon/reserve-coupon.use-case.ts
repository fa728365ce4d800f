import { couponRejected, couponReserved } from '@sneakers/contracts';
import { writeOutboxEvent } from '@sneakers/kit';
import type { Tx } from '../../../prisma';
import { discountRuleOf } from '../../domain/coupon-policy';
import { type CouponRejectReason, reservationRefusal } from '../../domain/reservation';
import { findSettledOutcome } from '../../settled-order.repository';
import { findCouponForUpdate, moveCoupon } from '../../user-coupon.repository';

export interface ReserveCoupon {
  orderId: string;
  buyerId: string;
  userCouponId: string;
  /** When the order was placed: the coupon must still be valid then (a replay decides the same). */
  placedAt: Date;
}

/**
 * Holds the buyer's coupon for the order and tells order-service what it is worth (coupon.reserved
 * with the rule snapshot), or why it cannot be used (coupon.rejected). Compensated by releaseCoupon.
 * Repeats are silent: a coupon already held for this order was answered the first time, and an
 * order that already ended (its order.cancelled or order.paid came first, as a replay can make
 * happen) needs no answer.
 */
export async function reserveCoupon(
  tx: Tx,
  { orderId, buyerId, userCouponId, placedAt }: ReserveCoupon,
): Promise<void> {
  if (await findSettledOutcome(tx, orderId)) return;
  const found = await findCouponForUpdate(tx, userCouponId);
  if (found?.coupon.orderId === orderId) return;
  const refusal = reservationRefusal(found?.coupon, buyerId, placedAt);
  if (refusal || !found) return reject(tx, { orderId, userCouponId, reason: refusal ?? 'NOT_FOUND' });

  await moveCoupon(tx, userCouponId, { from: 'AVAILABLE', to: 'RESERVED', orderId });
  await writeOutboxEvent(tx, couponReserved, {
    aggregateId: userCouponId,
    payload: {
      orderId,
      userCouponId,
      buyerId,
      rule: discountRuleOf(found.policy),
      reservedAt: new Date().toISOString(),
    },
  });
}

async function reject(
  tx: Tx,
  { orderId, userCouponId, reason }: { orderId: string; userCouponId: string; reason: CouponRejectReason },
): Promise<void> {
  await writeOutboxEvent(tx, couponRejected, {
    aggregateId: userCouponId,
    payload: { orderId, userCouponId, reason, rejectedAt: new Date().toISOString() },
  });
}
