import { instant, text } from '@sneakers/kit';
import { z } from 'zod';
import { DISCOUNT_TYPES } from '../../discount/discount-rule';

/** Whole won: KRW has no minor unit, so money is an integer everywhere. */
const krw = z.number().int();

// Bounds that keep every column within int4 and every campaign within what one Redis set holds
// comfortably; raise them deliberately if a seller ever needs more.
export const COUPON_LIMITS = { maxQuantity: 1_000_000, maxValidDays: 365, maxAmount: 100_000_000 } as const;

export const policyIdParams = z.strictObject({ policyId: z.uuid() });

export const createCouponPolicyBody = z
  .strictObject({
    name: text({ max: 100 }),
    discountType: z.enum(DISCOUNT_TYPES),
    discountValue: krw.positive().max(COUPON_LIMITS.maxAmount).describe('Won off (FIXED) or percent 1–100 (PERCENT).'),
    maxDiscount: krw.positive().max(COUPON_LIMITS.maxAmount).optional().describe('PERCENT only: the most taken off.'),
    minOrderAmount: krw.nonnegative().max(COUPON_LIMITS.maxAmount).default(0),
    totalQuantity: z.number().int().min(1).max(COUPON_LIMITS.maxQuantity),
    claimStartsAt: instant(),
    claimEndsAt: instant(),
    validUntil: instant().optional().describe('Issued coupons expire at this instant…'),
    validDays: z
      .number()
      .int()
      .min(1)
      .max(COUPON_LIMITS.maxValidDays)
      .optional()
      .describe('…or this many days after claiming.'),
  })
  .refine((b) => b.discountType === 'FIXED' || b.discountValue <= 100, {
    path: ['discountValue'],
    message: 'a PERCENT discount is at most 100',
  })
  .refine((b) => b.discountType === 'PERCENT' || b.maxDiscount === undefined, {
    path: ['maxDiscount'],
    message: 'only a PERCENT discount has a maximum',
  })
  .refine((b) => Date.parse(b.claimEndsAt) > Date.parse(b.claimStartsAt), {
    path: ['claimEndsAt'],
    message: 'must be after claimStartsAt',
  })
  .refine((b) => (b.validUntil === undefined) !== (b.validDays === undefined), {
    path: ['validUntil'],
    message: 'give exactly one of validUntil and validDays',
  })
  .refine((b) => b.validUntil === undefined || Date.parse(b.validUntil) >= Date.parse(b.claimEndsAt), {
    path: ['validUntil'],
    message: 'must not be before claimEndsAt (a coupon claimed last must still be usable)',
  });

export const couponPolicySchema = z.object({
  id: z.uuid(),
  sellerId: z.uuid(),
  name: z.string(),
  discountType: z.enum(DISCOUNT_TYPES),
  discountValue: krw,
  maxDiscount: krw.nullable(),
  minOrderAmount: krw,
  totalQuantity: z.number().int(),
  issuedCount: z.number().int(),
  claimStartsAt: z.iso.datetime(),
  claimEndsAt: z.iso.datetime(),
  validUntil: z.iso.datetime().nullable(),
  validDays: z.number().int().nullable(),
  status: z.enum(['ACTIVE', 'PAUSED', 'ENDED']),
  createdAt: z.iso.datetime(),
});

/** What a buyer sees of a claimable policy: its terms and how many are left, not who runs it. */
export const claimablePolicySchema = couponPolicySchema
  .pick({
    id: true,
    sellerId: true,
    name: true,
    discountType: true,
    discountValue: true,
    maxDiscount: true,
    minOrderAmount: true,
    totalQuantity: true,
    claimStartsAt: true,
    claimEndsAt: true,
    validUntil: true,
    validDays: true,
  })
  .extend({ remaining: z.number().int().nonnegative() });

export const USER_COUPON_STATUSES = ['AVAILABLE', 'RESERVED', 'USED', 'EXPIRED'] as const;

export const userCouponSchema = z.object({
  id: z.uuid(),
  policyId: z.uuid(),
  name: z.string(),
  status: z.enum(USER_COUPON_STATUSES),
  discountType: z.enum(DISCOUNT_TYPES),
  discountValue: krw,
  maxDiscount: krw.nullable(),
  minOrderAmount: krw,
  sellerId: z.uuid(),
  orderId: z.uuid().nullable(),
  issuedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
