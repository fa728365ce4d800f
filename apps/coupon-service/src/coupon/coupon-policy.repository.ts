import { type InstantPosition, type KeysetWindow, rowsAfter } from '@sneakers/kit';
import { type CouponPolicy as PolicyRow, Prisma } from '../generated/prisma/client';
import type { Tx } from '../prisma';
import type { CouponPolicy, CouponPolicyStatus } from './domain/coupon-policy';

export type NewCouponPolicy = Omit<CouponPolicy, 'id' | 'issuedCount' | 'status' | 'createdAt'>;

export async function insertPolicy(tx: Tx, policy: NewCouponPolicy): Promise<CouponPolicy> {
  return toPolicy(await tx.couponPolicy.create({ data: policy }));
}

export async function findPolicy(tx: Tx, id: string): Promise<CouponPolicy | undefined> {
  const row = await tx.couponPolicy.findUnique({ where: { id } });
  return row ? toPolicy(row) : undefined;
}

/** Locks the row for the rest of the transaction, so a change and its check see one state. */
export async function findPolicyForUpdate(tx: Tx, id: string): Promise<CouponPolicy | undefined> {
  const [row] = await tx.$queryRaw<
    PolicyRow[]
  >`SELECT ${columns} FROM coupon_policies WHERE id = ${id}::uuid FOR UPDATE`;
  return row ? toPolicy(row) : undefined;
}

export async function updatePolicy(
  tx: Tx,
  id: string,
  change: { status?: CouponPolicyStatus; totalQuantity?: number },
): Promise<CouponPolicy> {
  return toPolicy(await tx.couponPolicy.update({ where: { id }, data: change }));
}

/**
 * The durable first-come-first-served step: takes one coupon from the policy only while it is
 * ACTIVE, inside its window by `now`, and not sold out, in one statement. Concurrent claims queue on
 * the row lock and each re-checks against the count it finally sees, so issued_count can never pass
 * total_quantity whatever Redis believed (and the CHECK would refuse it if this ever changed).
 * Returns the policy after the increment, or undefined when it refused.
 */
export async function takeOneCoupon(tx: Tx, id: string, now: Date): Promise<CouponPolicy | undefined> {
  const [row] = await tx.$queryRaw<PolicyRow[]>`
    UPDATE coupon_policies SET issued_count = issued_count + 1
    WHERE id = ${id}::uuid AND status = 'ACTIVE'
      AND claim_starts_at <= ${now} AND claim_ends_at > ${now}
      AND issued_count < total_quantity
    RETURNING ${columns}`;
  return row ? toPolicy(row) : undefined;
}

/**
 * The policy and every buyer who holds one of its coupons, read by one statement so both come from
 * one snapshot: the count and the set a rebuilt Redis ledger starts from agree with each other.
 */
export async function findPolicyWithClaimants(
  tx: Pick<Tx, '$queryRaw'>,
  id: string,
): Promise<{ policy: CouponPolicy; buyerIds: string[] } | undefined> {
  const [row] = await tx.$queryRaw<Array<PolicyRow & { buyerIds: string[] }>>`
    SELECT ${columns},
      ARRAY(SELECT buyer_id::text FROM user_coupons WHERE policy_id = p.id) AS "buyerIds"
    FROM coupon_policies p WHERE id = ${id}::uuid`;
  return row ? { policy: toPolicy(row), buyerIds: row.buyerIds } : undefined;
}

/** Newest first by (created_at, id); `sellerId` undefined lists every seller's (admin). */
export async function listPolicies(
  tx: Tx,
  { sellerId, after, take }: KeysetWindow<InstantPosition<'createdAt'>> & { sellerId?: string },
): Promise<CouponPolicy[]> {
  const rows = await tx.couponPolicy.findMany({
    where: { ...(sellerId ? { sellerId } : {}), ...(after && rowsAfter('createdAt', after.createdAt, after.id)) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
  });
  return rows.map(toPolicy);
}

/** ACTIVE, inside the window at `now`, not sold out; newest first. */
export async function listClaimablePolicies(
  tx: Tx,
  { now, after, take }: KeysetWindow<InstantPosition<'createdAt'>> & { now: Date },
): Promise<CouponPolicy[]> {
  const afterPosition = after
    ? Prisma.sql`AND (created_at, id) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`
    : Prisma.empty;
  const rows = await tx.$queryRaw<PolicyRow[]>`
    SELECT ${columns} FROM coupon_policies
    WHERE status = 'ACTIVE' AND claim_starts_at <= ${now} AND claim_ends_at > ${now}
      AND issued_count < total_quantity ${afterPosition}
    ORDER BY created_at DESC, id DESC
    LIMIT ${take}`;
  return rows.map(toPolicy);
}

// Raw statements return snake_case columns; alias them to the model's field names once, here.
const columns = Prisma.sql`id, seller_id AS "sellerId", name, discount_type AS "discountType",
  discount_value AS "discountValue", max_discount AS "maxDiscount", min_order_amount AS "minOrderAmount",
  total_quantity AS "totalQuantity", issued_count AS "issuedCount", claim_starts_at AS "claimStartsAt",
  claim_ends_at AS "claimEndsAt", valid_until AS "validUntil", valid_days AS "validDays", status,
  created_at AS "createdAt"`;

function toPolicy(row: PolicyRow): CouponPolicy {
  return {
    id: row.id,
    sellerId: row.sellerId,
    name: row.name,
    discountType: row.discountType,
    discountValue: row.discountValue,
    maxDiscount: row.maxDiscount,
    minOrderAmount: row.minOrderAmount,
    totalQuantity: row.totalQuantity,
    issuedCount: row.issuedCount,
    claimStartsAt: row.claimStartsAt,
    claimEndsAt: row.claimEndsAt,
    validUntil: row.validUntil,
    validDays: row.validDays,
    status: row.status,
    createdAt: row.createdAt,
  };
}
