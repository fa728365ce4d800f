import { z } from 'zod';

export const DISCOUNT_TYPES = ['FIXED', 'PERCENT'] as const;
export type DiscountType = (typeof DISCOUNT_TYPES)[number];

/**
 * What a coupon takes off an order, as snapshotted into `coupon.reserved`: order-service prices the
 * order with this snapshot, so a later change to the policy never changes a reserved coupon's worth.
 * Scope is the issuing seller: a seller's coupon discounts only that seller's lines.
 */
export const discountRuleSchema = z.object({
  type: z.enum(DISCOUNT_TYPES),
  /** FIXED: whole won off. PERCENT: 1–100, applied to the in-scope subtotal and rounded down. */
  value: z.number().int().positive(),
  /** PERCENT only: the most it may take off, in won; null = no cap. */
  maxDiscount: z.number().int().positive().nullable(),
  /** The in-scope subtotal must reach this for the coupon to apply (0 = no minimum). */
  minOrderAmount: z.number().int().nonnegative(),
  sellerId: z.uuid(),
});

export type DiscountRule = z.infer<typeof discountRuleSchema>;
