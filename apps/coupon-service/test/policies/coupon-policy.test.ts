import {
  assertOwnedBy,
  assertQuantityMayBecome,
  type CouponPolicy,
  type CouponPolicyStatus,
  claimRefusal,
  couponExpiry,
  discountRuleOf,
  isInClaimWindow,
  nextStatus,
} from '../../src/coupon/domain/coupon-policy';

// The pure policy rules, without PostgreSQL or Redis: who may claim when, and how a policy may change.

const START = new Date('2026-12-01T00:00:00Z');
const END = new Date('2026-12-08T00:00:00Z');
const DAY_MS = 24 * 60 * 60 * 1000;
const SELLER = '00000000-0000-4000-8000-00000000000a';

const policy = (over: Partial<CouponPolicy> = {}): CouponPolicy => ({
  id: 'policy-1',
  sellerId: SELLER,
  name: 'Winter drop',
  discountType: 'PERCENT',
  discountValue: 10,
  maxDiscount: 5_000,
  minOrderAmount: 30_000,
  totalQuantity: 100,
  issuedCount: 0,
  claimStartsAt: START,
  claimEndsAt: END,
  validUntil: null,
  validDays: 7,
  status: 'ACTIVE',
  createdAt: START,
  ...over,
});

const at = (offsetMs: number, from = START) => new Date(from.getTime() + offsetMs);

describe('claimRefusal', () => {
  it.each<[string, Partial<CouponPolicy>, Date, boolean, string | undefined]>([
    ['an active policy in its window, first claim', {}, at(DAY_MS), false, undefined],
    ['the last coupon', { issuedCount: 99 }, at(DAY_MS), false, undefined],
    ['at claimStartsAt exactly', {}, START, false, undefined],
    ['a paused policy', { status: 'PAUSED' }, at(DAY_MS), false, 'COUPON.POLICY_NOT_ACTIVE'],
    ['an ended policy', { status: 'ENDED' }, at(DAY_MS), false, 'COUPON.POLICY_NOT_ACTIVE'],
    ['before the window', {}, at(-1), false, 'COUPON.NOT_IN_CLAIM_WINDOW'],
    ['at claimEndsAt exactly (half-open window)', {}, END, false, 'COUPON.NOT_IN_CLAIM_WINDOW'],
    ['a second claim by the same buyer', {}, at(DAY_MS), true, 'COUPON.ALREADY_CLAIMED'],
    ['every coupon issued', { issuedCount: 100 }, at(DAY_MS), false, 'COUPON.SOLD_OUT'],
    // The same order of checks as the Redis script, so both paths give one answer.
    [
      'paused, outside the window, claimed and sold out',
      { status: 'PAUSED', issuedCount: 100 },
      END,
      true,
      'COUPON.POLICY_NOT_ACTIVE',
    ],
    ['outside the window, claimed and sold out', { issuedCount: 100 }, END, true, 'COUPON.NOT_IN_CLAIM_WINDOW'],
    ['claimed and sold out', { issuedCount: 100 }, at(DAY_MS), true, 'COUPON.ALREADY_CLAIMED'],
  ])('When %s, then the refusal is %s', (_, over, now, alreadyClaimed, code) => {
    expect(claimRefusal(policy(over), now, alreadyClaimed)?.code).toBe(code);
  });
});

describe('isInClaimWindow', () => {
  it.each([
    [at(-1), false],
    [START, true],
    [at(-1, END), true],
    [END, false],
  ])('When it is %s, then in the window: %s', (now, inWindow) => {
    expect(isInClaimWindow(policy(), now)).toBe(inWindow);
  });
});

describe('couponExpiry', () => {
  const claimedAt = at(DAY_MS);

  it.each<[string, Partial<CouponPolicy>, Date]>([
    ['a fixed date', { validUntil: END, validDays: null }, END],
    ['a number of days from the claim', { validUntil: null, validDays: 7 }, at(7 * DAY_MS, claimedAt)],
    ['both (the date wins)', { validUntil: END, validDays: 30 }, END],
  ])('When the policy gives %s, then the coupon expires then', (_, over, expiresAt) => {
    expect(couponExpiry(policy(over), claimedAt)).toEqual(expiresAt);
  });
});

describe('nextStatus', () => {
  it.each<[CouponPolicyStatus, 'pause' | 'resume' | 'end', CouponPolicyStatus]>([
    ['ACTIVE', 'pause', 'PAUSED'],
    ['PAUSED', 'pause', 'PAUSED'],
    ['PAUSED', 'resume', 'ACTIVE'],
    ['ACTIVE', 'resume', 'ACTIVE'],
    ['ACTIVE', 'end', 'ENDED'],
    ['PAUSED', 'end', 'ENDED'],
    ['ENDED', 'end', 'ENDED'],
  ])('When a %s policy is told to %s, then it is %s', (current, action, next) => {
    expect(nextStatus(current, action)).toBe(next);
  });

  it.each(['pause', 'resume'] as const)(
    'When an ENDED policy is told to %s, then COUPON.POLICY_ENDED (409)',
    (action) => {
      expect(() => nextStatus('ENDED', action)).toThrow(
        expect.objectContaining({ code: 'COUPON.POLICY_ENDED', status: 409 }),
      );
    },
  );
});

describe('assertQuantityMayBecome', () => {
  it.each([100, 101])('When the total quantity of 100 becomes %i, then it may', (quantity) => {
    expect(() => assertQuantityMayBecome(policy(), quantity)).not.toThrow();
  });

  it.each<[string, Partial<CouponPolicy>, number, string]>([
    ['shrinks', {}, 99, 'COUPON.QUANTITY_CANNOT_SHRINK'],
    ['grows on an ended policy', { status: 'ENDED' }, 200, 'COUPON.POLICY_ENDED'],
  ])('When the total quantity %s, then %s', (_, over, quantity, code) => {
    expect(() => assertQuantityMayBecome(policy(over), quantity)).toThrow(expect.objectContaining({ code }));
  });
});

describe('assertOwnedBy and discountRuleOf', () => {
  it('When another seller touches the policy, then COUPON.NOT_POLICY_OWNER (403); its own seller may', () => {
    expect(() => assertOwnedBy(policy(), SELLER)).not.toThrow();
    expect(() => assertOwnedBy(policy(), 'seller-2')).toThrow(
      expect.objectContaining({ code: 'COUPON.NOT_POLICY_OWNER', status: 403 }),
    );
  });

  it('When a coupon is reserved, then its rule is the policy snapshot scoped to the issuing seller', () => {
    expect(discountRuleOf(policy())).toEqual({
      type: 'PERCENT',
      value: 10,
      maxDiscount: 5_000,
      minOrderAmount: 30_000,
      sellerId: SELLER,
    });
  });
});
