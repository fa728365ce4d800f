import { type InstantPosition, type KeysetWindow, rowsAfter } from '@sneakers/kit';
import { type UserCoupon as CouponRow, Prisma } from '../generated/prisma/client';
import type { Tx } from '../prisma';
import type { CouponPolicy } from './domain/coupon-policy';
import type { StoredCouponStatus, UserCoupon } from './domain/user-coupon';

/**
 * Issues the buyer's coupon unless they already hold one of this policy: the unique
 * (policy_id, buyer_id) constraint decides, even when Redis forgot who claimed. Undefined = a duplicate.
 */
export async function insertCouponOnce(
  tx: Tx,
  coupon: { policyId: string; buyerId: string; issuedAt: Date; expiresAt: Date },
): Promise<UserCoupon | undefined> {
  const [row] = await tx.$queryRaw<CouponRow[]>`
    INSERT INTO user_coupons (id, policy_id, buyer_id, issued_at, expires_at)
    VALUES (gen_random_uuid(), ${coupon.policyId}::uuid, ${coupon.buyerId}::uuid, ${coupon.issuedAt}, ${coupon.expiresAt})
    ON CONFLICT (policy_id, buyer_id) DO NOTHING
    RETURNING ${columns}`;
  return row ? toCoupon(row) : undefined;
}

/** The coupon with its policy, its row locked so the reservation check and the change are one step. */
export async function findCouponForUpdate(
  tx: Tx,
  id: string,
): Promise<{ coupon: UserCoupon; policy: CouponPolicy } | undefined> {
  const [row] = await tx.$queryRaw<CouponRow[]>`SELECT ${columns} FROM user_coupons WHERE id = ${id}::uuid FOR UPDATE`;
  if (!row) return undefined;
  const policy = await tx.couponPolicy.findUniqueOrThrow({ where: { id: row.policyId } });
  return { coupon: toCoupon(row), policy };
}

/** Moves the coupon from one status to another for `orderId`; false when it was not in `from`. */
export async function moveCoupon(
  tx: Tx,
  id: string,
  {
    from,
    to,
    orderId,
    whileOrderId,
  }: { from: StoredCouponStatus; to: StoredCouponStatus; orderId: string | null; whileOrderId?: string },
): Promise<boolean> {
  const { count } = await tx.userCoupon.updateMany({
    where: { id, status: from, ...(whileOrderId ? { orderId: whileOrderId } : {}) },
    data: { status: to, orderId },
  });
  return count === 1;
}

export interface CouponWithPolicy {
  coupon: UserCoupon;
  policy: Pick<CouponPolicy, 'name' | 'discountType' | 'discountValue' | 'maxDiscount' | 'minOrderAmount' | 'sellerId'>;
}

/** Newest first by (issued_at, id). */
export async function listBuyerCoupons(
  tx: Tx,
  buyerId: string,
  { after, take }: KeysetWindow<InstantPosition<'issuedAt'>>,
): Promise<CouponWithPolicy[]> {
  const rows = await tx.userCoupon.findMany({
    where: { buyerId, ...(after && rowsAfter('issuedAt', after.issuedAt, after.id)) },
    orderBy: [{ issuedAt: 'desc' }, { id: 'desc' }],
    take,
    include: { policy: true },
  });
  return rows.map(({ policy, ...coupon }) => ({ coupon: toCoupon(coupon), policy }));
}

const columns = Prisma.sql`id, policy_id AS "policyId", buyer_id AS "buyerId", status, order_id AS "orderId",
  issued_at AS "issuedAt", expires_at AS "expiresAt"`;

function toCoupon(row: CouponRow): UserCoupon {
  return {
    id: row.id,
    policyId: row.policyId,
    buyerId: row.buyerId,
    status: row.status,
    orderId: row.orderId,
    issuedAt: row.issuedAt,
    expiresAt: row.expiresAt,
  };
}
