import type { DiscountRule } from './discount-rule';

/** One priced order line; `unitPrice` in whole won. */
export interface PricedLine {
  sellerId: string;
  unitPrice: number;
  quantity: number;
}

export type DiscountResult =
  | { applies: true; discount: number; inScopeSubtotal: number }
  | { applies: false; reason: 'NO_LINE_IN_SCOPE' | 'MIN_ORDER_NOT_MET'; discount: 0; inScopeSubtotal: number };

/**
 * The one discount computation of the platform (order-service prices with it, coupon-service checks
 * with it): rule × subtotal of the issuing seller's lines, PERCENT rounded down to whole won, capped
 * by maxDiscount, and never more than that subtotal, so no line is ever priced below zero.
 * Throws RangeError on input no caller should build (fractions, negatives), rather than guessing.
 */
export function computeDiscount(rule: DiscountRule, lines: readonly PricedLine[]): DiscountResult {
  assertRule(rule);
  let inScopeSubtotal = 0;
  let inScopeLines = 0;
  for (const line of lines) {
    assertWholeWon(line.unitPrice, 'unitPrice');
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) throw new RangeError('quantity must be ≥ 1');
    if (line.sellerId !== rule.sellerId) continue;
    inScopeLines += 1;
    inScopeSubtotal += line.unitPrice * line.quantity;
  }
  assertWholeWon(inScopeSubtotal, 'in-scope subtotal');
  if (inScopeLines === 0) return { applies: false, reason: 'NO_LINE_IN_SCOPE', discount: 0, inScopeSubtotal };
  if (inScopeSubtotal < rule.minOrderAmount)
    return { applies: false, reason: 'MIN_ORDER_NOT_MET', discount: 0, inScopeSubtotal };
  return { applies: true, discount: Math.min(rawDiscount(rule, inScopeSubtotal), inScopeSubtotal), inScopeSubtotal };
}

function rawDiscount(rule: DiscountRule, subtotal: number): number {
  if (rule.type === 'FIXED') return rule.value;
  // Integer product first, then one floor: (subtotal * value) / 100 has no float error while the
  // product stays a safe integer, which assertWholeWon guarantees for any realistic order.
  const percent = Math.floor((subtotal * rule.value) / 100);
  return rule.maxDiscount === null ? percent : Math.min(percent, rule.maxDiscount);
}

function assertRule(rule: DiscountRule): void {
  assertWholeWon(rule.value, 'value');
  if (rule.value < 1) throw new RangeError('value must be ≥ 1');
  if (rule.type === 'PERCENT' && rule.value > 100) throw new RangeError('a PERCENT value is at most 100');
  if (rule.maxDiscount !== null) assertWholeWon(rule.maxDiscount, 'maxDiscount');
  assertWholeWon(rule.minOrderAmount, 'minOrderAmount');
}

// 2^53 / 100: keeps subtotal × percent exact in a double.
const LARGEST_AMOUNT = Math.floor(Number.MAX_SAFE_INTEGER / 100);

function assertWholeWon(amount: number, what: string): void {
  if (!Number.isSafeInteger(amount) || amount < 0 || amount > LARGEST_AMOUNT)
    throw new RangeError(`${what} must be whole won between 0 and ${LARGEST_AMOUNT}`);
}
