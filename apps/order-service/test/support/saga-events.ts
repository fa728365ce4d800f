import { randomUUID } from 'node:crypto';
import {
  couponRejected,
  couponReserved,
  type DiscountRule,
  paymentCompleted,
  stockRejected,
  stockReserved,
} from '@sneakers/contracts';
import { envelope } from './order-app';

/** The replies catalog, coupon and payment services send, built for one placed order. */
export interface PlacedOrder {
  id: string;
  buyerId: string;
  lines: Array<{ skuId: string; quantity: number }>;
  userCouponId: string | null;
}

export const SELLER = randomUUID();

export const stockReservedFor = (order: PlacedOrder, unitPrice = 10_000, sellerId = SELLER) => {
  const lines = order.lines.map((l) => ({ ...l, productId: productOf(l.skuId), sellerId, unitPrice }));
  return envelope(stockReserved, order.id, {
    orderId: order.id,
    lines,
    subtotal: lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0),
    reservedAt: new Date().toISOString(),
  });
};

export const stockRejectedFor = (order: PlacedOrder) =>
  envelope(stockRejected, order.id, {
    orderId: order.id,
    reason: 'OUT_OF_STOCK',
    skuId: order.lines[0]?.skuId ?? randomUUID(),
    rejectedAt: new Date().toISOString(),
  });

export const FIXED_3000: DiscountRule = {
  type: 'FIXED',
  value: 3_000,
  maxDiscount: null,
  minOrderAmount: 0,
  sellerId: SELLER,
};

export const couponReservedFor = (order: PlacedOrder, rule: DiscountRule = FIXED_3000) =>
  envelope(couponReserved, order.userCouponId ?? order.id, {
    orderId: order.id,
    userCouponId: order.userCouponId ?? randomUUID(),
    buyerId: order.buyerId,
    rule,
    reservedAt: new Date().toISOString(),
  });

export const couponRejectedFor = (order: PlacedOrder) =>
  envelope(couponRejected, order.userCouponId ?? order.id, {
    orderId: order.id,
    userCouponId: order.userCouponId ?? randomUUID(),
    reason: 'NOT_AVAILABLE',
    rejectedAt: new Date().toISOString(),
  });

export const paymentCompletedFor = (order: PlacedOrder, amount: number) =>
  envelope(paymentCompleted, randomUUID(), {
    paymentId: randomUUID(),
    orderId: order.id,
    buyerId: order.buyerId,
    amount,
    paidAt: new Date().toISOString(),
  });

// A stable product id per SKU, so assertions can predict order.paid's lines.
const products = new Map<string, string>();
export function productOf(skuId: string): string {
  const known = products.get(skuId) ?? randomUUID();
  products.set(skuId, known);
  return known;
}
