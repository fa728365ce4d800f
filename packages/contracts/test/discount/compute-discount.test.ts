import { computeDiscount, type DiscountRule, type PricedLine } from '../../src/discount';

const SELLER = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';

const rule = (overrides: Partial<DiscountRule> = {}): DiscountRule => ({
  type: 'PERCENT',
  value: 10,
  maxDiscount: null,
  minOrderAmount: 0,
  sellerId: SELLER,
  ...overrides,
});
const line = (unitPrice: number, quantity = 1, sellerId = SELLER): PricedLine => ({ sellerId, unitPrice, quantity });

describe('computeDiscount', () => {
  describe('PERCENT', () => {
    it.each([
      // [subtotal, percent, expected]: floor to whole won, never rounded up
      [10_000, 10, 1_000],
      [9_999, 10, 999], // 999.9 → 999
      [1, 50, 0], // 0.5 → 0
      [19, 5, 0], // 0.95 → 0
      [20, 5, 1],
      [33_333, 33, 10_999], // 10,999.89 → 10,999
      [129_000, 15, 19_350],
      [10_001, 100, 10_001], // 100% = the whole in-scope subtotal
      [7, 1, 0],
    ])(
      'When the in-scope subtotal is %i and the rule is %i%%, then the discount is %i',
      (subtotal, value, expected) => {
        expect(computeDiscount(rule({ value }), [line(subtotal)])).toEqual({
          applies: true,
          discount: expected,
          inScopeSubtotal: subtotal,
        });
      },
    );

    it('When the percentage passes maxDiscount, then the cap applies; below it the cap changes nothing', () => {
      expect(computeDiscount(rule({ value: 20, maxDiscount: 5_000 }), [line(100_000)]).discount).toBe(5_000);
      expect(computeDiscount(rule({ value: 20, maxDiscount: 5_000 }), [line(25_000)]).discount).toBe(5_000);
      expect(computeDiscount(rule({ value: 20, maxDiscount: 5_000 }), [line(24_999)]).discount).toBe(4_999);
    });

    it('When the amounts are large, then integer math stays exact (no float drift)', () => {
      // 0.07 * 1e8 is 7000000.000000001 in floating point; the integer product is exact.
      expect(computeDiscount(rule({ value: 7 }), [line(100_000_000)]).discount).toBe(7_000_000);
      expect(computeDiscount(rule({ value: 29 }), [line(1_000_003)]).discount).toBe(290_000);
    });
  });

  describe('FIXED', () => {
    it('When the subtotal exceeds the amount, then exactly the amount comes off', () => {
      expect(computeDiscount(rule({ type: 'FIXED', value: 3_000 }), [line(50_000)]).discount).toBe(3_000);
    });

    it('When the amount exceeds the in-scope subtotal, then the discount is that subtotal (never below zero)', () => {
      expect(computeDiscount(rule({ type: 'FIXED', value: 3_000 }), [line(2_000), line(90_000, 1, OTHER)])).toEqual({
        applies: true,
        discount: 2_000,
        inScopeSubtotal: 2_000,
      });
    });
  });

  describe('scope', () => {
    it("When lines of several sellers are ordered, then only the issuing seller's lines count", () => {
      const lines = [line(10_000, 2), line(50_000, 1, OTHER), line(5_000, 3)];
      expect(computeDiscount(rule({ value: 10 }), lines)).toEqual({
        applies: true,
        discount: 3_500,
        inScopeSubtotal: 35_000,
      });
    });

    it("When no line is the seller's, then the coupon does not apply", () => {
      expect(computeDiscount(rule(), [line(50_000, 1, OTHER)])).toEqual({
        applies: false,
        reason: 'NO_LINE_IN_SCOPE',
        discount: 0,
        inScopeSubtotal: 0,
      });
      expect(computeDiscount(rule(), []).applies).toBe(false);
    });
  });

  describe('minimum order amount', () => {
    it('When the in-scope subtotal is one won short, then it does not apply; at exactly the minimum it does', () => {
      const min = rule({ type: 'FIXED', value: 1_000, minOrderAmount: 30_000 });
      expect(computeDiscount(min, [line(29_999)])).toEqual({
        applies: false,
        reason: 'MIN_ORDER_NOT_MET',
        discount: 0,
        inScopeSubtotal: 29_999,
      });
      expect(computeDiscount(min, [line(30_000)]).discount).toBe(1_000);
    });

    it("When other sellers' lines would reach the minimum, then they do not count toward it", () => {
      const min = rule({ minOrderAmount: 30_000 });
      expect(computeDiscount(min, [line(20_000), line(20_000, 1, OTHER)]).applies).toBe(false);
    });

    it('When a subtotal of zero meets a minimum of zero, then the discount is zero', () => {
      expect(computeDiscount(rule({ type: 'FIXED', value: 500 }), [line(0)])).toEqual({
        applies: true,
        discount: 0,
        inScopeSubtotal: 0,
      });
    });
  });

  describe('input no caller should build', () => {
    it.each<[string, DiscountRule, PricedLine[]]>([
      ['a fractional price', rule(), [line(100.5)]],
      ['a negative price', rule(), [line(-1)]],
      ['a zero quantity', rule(), [line(100, 0)]],
      ['a fractional quantity', rule(), [line(100, 1.5)]],
      ['a PERCENT over 100', rule({ value: 101 }), [line(100)]],
      ['a zero value', rule({ value: 0 }), [line(100)]],
      ['a fractional value', rule({ type: 'FIXED', value: 9.5 }), [line(100)]],
      ['a negative minimum', rule({ minOrderAmount: -1 }), [line(100)]],
      ['a fractional cap', rule({ maxDiscount: 1.5 }), [line(100)]],
      ['a subtotal beyond exact integer math', rule(), [line(Number.MAX_SAFE_INTEGER)]],
      ['an infinite price', rule(), [line(Number.POSITIVE_INFINITY)]],
    ])('When given %s, then it throws RangeError', (_what, badRule, lines) => {
      expect(() => computeDiscount(badRule, lines)).toThrow(RangeError);
    });
  });
});
