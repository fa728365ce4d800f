import { z } from 'zod';
import { ORDER_CANCEL_REASONS } from '../../events/order/order-cancelled.event';

export const ORDER_STATUSES = ['PENDING', 'AWAITING_PAYMENT', 'PAID', 'CANCELLED', 'EXPIRED'] as const;

/** Whole won: KRW has no minor unit. */
const krw = z.number().int().nonnegative();

export const orderLineSchema = z.object({
  skuId: z.uuid(),
  quantity: z.number().int(),
  productId: z.uuid().nullable().describe('Known once the catalog reserved the stock.'),
  unitPrice: krw.nullable().describe('The price the catalog reserved at.'),
});

export const orderSchema = z.object({
  id: z.uuid(),
  buyerId: z.uuid(),
  status: z.enum(ORDER_STATUSES),
  lines: z.array(orderLineSchema),
  userCouponId: z.uuid().nullable(),
  subtotal: krw.nullable(),
  discount: krw.nullable(),
  amount: krw.nullable().describe('What the buyer pays: subtotal − discount.'),
  paymentDeadline: z.iso.datetime().nullable(),
  cancelReason: z.enum(ORDER_CANCEL_REASONS).nullable(),
  placedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const placeOrderBody = z.strictObject({
  lines: z
    .array(z.strictObject({ skuId: z.uuid(), quantity: z.number().int().min(1).max(10) }))
    .min(1)
    .max(20)
    .refine((lines) => new Set(lines.map((l) => l.skuId)).size === lines.length, 'each SKU at most once'),
  userCouponId: z.uuid().optional(),
});

export const orderIdParams = z.strictObject({ orderId: z.uuid() });

export const orderStepSchema = z.object({
  step: z.string().describe('PLACED, STOCK_RESERVED, COUPON_REJECTED, AWAITING_PAYMENT, PAID, EXPIRED, …'),
  status: z.enum(ORDER_STATUSES).describe('The order status right after this step.'),
  at: z.iso.datetime(),
  causedBy: z.object({
    type: z.string().describe('The event type, or `request` / `expiry` for steps started here.'),
    id: z.string().nullable().describe('The event id (or the request id).'),
  }),
  emitted: z.string().nullable().describe('The event this step published, if any.'),
  detail: z.record(z.string(), z.unknown()).nullable(),
});

export const orderTimelineSchema = z.object({ orderId: z.uuid(), steps: z.array(orderStepSchema) });
