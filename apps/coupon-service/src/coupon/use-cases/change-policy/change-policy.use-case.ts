import type { Tx } from '../../../prisma';
import { findPolicyForUpdate, updatePolicy } from '../../coupon-policy.repository';
import { CouponErrors } from '../../domain/coupon.errors';
import { assertOwnedBy, assertQuantityMayBecome, type CouponPolicy, nextStatus } from '../../domain/coupon-policy';

export type PolicyChange = { action: 'pause' | 'resume' | 'end' } | { action: 'raise'; totalQuantity: number };

/**
 * A seller changes its own policy: pause, resume, end, or raise the quantity. The row is locked
 * first, so the check sees what the change writes over; repeating a change is a no-op. Claims
 * already issued stay valid whatever happens to the policy.
 */
export async function changePolicy(
  tx: Tx,
  { policyId, sellerId, change }: { policyId: string; sellerId: string; change: PolicyChange },
): Promise<CouponPolicy> {
  const policy = await findPolicyForUpdate(tx, policyId);
  if (!policy) throw CouponErrors.policyNotFound();
  assertOwnedBy(policy, sellerId);
  if (change.action === 'raise') {
    assertQuantityMayBecome(policy, change.totalQuantity);
    return updatePolicy(tx, policyId, { totalQuantity: change.totalQuantity });
  }
  return updatePolicy(tx, policyId, { status: nextStatus(policy.status, change.action) });
}
