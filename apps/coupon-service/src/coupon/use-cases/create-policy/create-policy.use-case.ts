import type { createCouponPolicyBody } from '@sneakers/contracts';
import type { z } from 'zod';
import type { Tx } from '../../../prisma';
import { insertPolicy } from '../../coupon-policy.repository';
import type { CouponPolicy } from '../../domain/coupon-policy';

/** An approved seller's new campaign, ACTIVE at once (its window decides when claims open). */
export async function createPolicy(
  tx: Tx,
  sellerId: string,
  terms: z.infer<typeof createCouponPolicyBody>,
): Promise<CouponPolicy> {
  return insertPolicy(tx, {
    sellerId,
    name: terms.name,
    discountType: terms.discountType,
    discountValue: terms.discountValue,
    maxDiscount: terms.maxDiscount ?? null,
    minOrderAmount: terms.minOrderAmount,
    totalQuantity: terms.totalQuantity,
    claimStartsAt: new Date(terms.claimStartsAt),
    claimEndsAt: new Date(terms.claimEndsAt),
    validUntil: terms.validUntil ? new Date(terms.validUntil) : null,
    validDays: terms.validDays ?? null,
  });
}
