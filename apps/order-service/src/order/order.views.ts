import type { orderSchema, orderTimelineSchema } from '@sneakers/contracts';
import { preparedPerValue } from '@sneakers/kit';
import type { z } from 'zod';
import type { Order } from './domain/order';
import type { OrderStep } from './order-steps.repository';

/** The JSON shapes of the order contracts, typed by them so the two cannot drift apart. */
export const orderView = (order: Order): z.infer<typeof orderSchema> => ({
  id: order.id,
  buyerId: order.buyerId,
  status: order.status,
  lines: order.lines.map(({ skuId, quantity, productId, unitPrice }) => ({ skuId, quantity, productId, unitPrice })),
  userCouponId: order.userCouponId,
  subtotal: order.subtotal,
  discount: order.discount,
  amount: order.amount,
  paymentDeadline: order.paymentDeadline?.toISOString() ?? null,
  cancelReason: order.cancelReason,
  placedAt: order.placedAt.toISOString(),
  updatedAt: order.updatedAt.toISOString(),
});

/** The order's view serialized once per read, with the ETag a conditional GET is compared against. */
export const orderBody = preparedPerValue(orderView);

export const timelineView = (orderId: string, steps: OrderStep[]): z.infer<typeof orderTimelineSchema> => ({
  orderId,
  steps: steps.map((s) => ({ ...s, at: s.at.toISOString() })),
});
