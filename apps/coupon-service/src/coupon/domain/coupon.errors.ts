import { AppError } from '@sneakers/kit/app-error';

export const CouponErrors = {
  policyNotFound: () =>
    new AppError('COUPON.POLICY_NOT_FOUND', 404, 'Coupon policy not found', {
      detail: 'No coupon policy has this id.',
    }),
  notPolicyOwner: () =>
    new AppError('COUPON.NOT_POLICY_OWNER', 403, 'Not your coupon policy', {
      detail: 'A seller manages only the policies it created.',
    }),
  policyEnded: () =>
    new AppError('COUPON.POLICY_ENDED', 409, 'Coupon policy ended', { detail: 'An ended policy cannot change.' }),
  quantityCannotShrink: (current: number) =>
    new AppError('COUPON.QUANTITY_CANNOT_SHRINK', 409, 'Quantity can only grow', {
      detail: `The total quantity is ${current}; a new one must not be lower.`,
      extensions: { totalQuantity: current },
    }),
  soldOut: () =>
    new AppError('COUPON.SOLD_OUT', 409, 'Sold out', { detail: 'Every coupon of this policy has been claimed.' }),
  alreadyClaimed: () =>
    new AppError('COUPON.ALREADY_CLAIMED', 409, 'Already claimed', { detail: 'One coupon per buyer.' }),
  policyNotActive: () =>
    new AppError('COUPON.POLICY_NOT_ACTIVE', 409, 'Not claimable', { detail: 'The policy is paused or ended.' }),
  notInClaimWindow: () =>
    new AppError('COUPON.NOT_IN_CLAIM_WINDOW', 422, 'Outside the claim window', {
      detail: 'Claims are accepted only between claimStartsAt and claimEndsAt.',
    }),
  claimsUnavailable: (cause: unknown) =>
    new AppError('COUPON.CLAIMS_UNAVAILABLE', 503, 'Claims unavailable', {
      detail: 'The claim store is not answering; nothing was claimed. Retry shortly.',
      cause,
    }),
} as const;
