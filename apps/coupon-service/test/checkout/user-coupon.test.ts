import { reservationRefusal } from '../../src/coupon/domain/reservation';
import { shownStatus, type UserCoupon } from '../../src/coupon/domain/user-coupon';

// A buyer's coupon, without PostgreSQL: whether checkout may reserve it, and what the buyer sees.

const PLACED_AT = new Date('2026-12-06T12:00:00Z');
const BUYER = 'buyer-1';

const coupon = (over: Partial<UserCoupon> = {}): UserCoupon => ({
  id: 'coupon-1',
  policyId: 'policy-1',
  buyerId: BUYER,
  status: 'AVAILABLE',
  orderId: null,
  issuedAt: new Date('2026-12-01T00:00:00Z'),
  expiresAt: new Date('2026-12-08T00:00:00Z'),
  ...over,
});

describe('reservationRefusal', () => {
  it.each<[string, UserCoupon | undefined, string | undefined]>([
    ["the buyer's available, unexpired coupon", coupon(), undefined],
    ['no such coupon', undefined, 'NOT_FOUND'],
    ["another buyer's coupon", coupon({ buyerId: 'buyer-2' }), 'NOT_OWNER'],
    ["another buyer's used coupon (ownership first)", coupon({ buyerId: 'buyer-2', status: 'USED' }), 'NOT_OWNER'],
    ['a coupon reserved for another order', coupon({ status: 'RESERVED', orderId: 'order-0' }), 'NOT_AVAILABLE'],
    ['a used coupon', coupon({ status: 'USED' }), 'NOT_AVAILABLE'],
    ['a coupon that expired when the order was placed', coupon({ expiresAt: PLACED_AT }), 'EXPIRED'],
  ])('When the order names %s, then the refusal is %s', (_, userCoupon, reason) => {
    expect(reservationRefusal(userCoupon, BUYER, PLACED_AT)).toBe(reason);
  });
});

describe('shownStatus', () => {
  const before = new Date('2026-12-07T23:59:59Z');
  const atExpiry = new Date('2026-12-08T00:00:00Z');

  it.each<[UserCoupon['status'], Date, string]>([
    ['AVAILABLE', before, 'AVAILABLE'],
    ['AVAILABLE', atExpiry, 'EXPIRED'],
    ['RESERVED', atExpiry, 'RESERVED'],
    ['USED', atExpiry, 'USED'],
  ])('When a %s coupon is shown at %s, then it reads %s', (status, now, shown) => {
    expect(shownStatus(coupon({ status }), now)).toBe(shown);
  });
});
