import type { REFUND_REASONS } from '@sneakers/contracts/events';
import { PaymentErrors } from './payment.errors';

export type PayableOrderStatus = 'PAYABLE' | 'PAID' | 'CANCELLED';

/** What payment-service knows of an order (its read model of order-service's events). */
export interface PayableOrder {
  orderId: string;
  buyerId: string;
  amount: number | null;
  paymentDeadline: Date | null;
  status: PayableOrderStatus;
  cancelReason: string | null;
}

/**
 * Refuses to take money for an order that is not the caller's, not awaiting payment, or past its
 * deadline (order-service is about to expire it). An order we never heard of is still PENDING.
 * Returns the amount to take. Call only when the order has no payment yet.
 */
export function amountToPay(order: PayableOrder | undefined, buyerId: string, orderId: string, now: Date): number {
  if (!order) throw PaymentErrors.orderNotPayable('PENDING');
  if (order.buyerId !== buyerId) throw PaymentErrors.orderNotFound(orderId);
  if (order.status === 'CANCELLED') {
    const reason = order.cancelReason ?? 'CANCELLED';
    throw PaymentErrors.orderCancelled(reason === 'EXPIRED' ? 'EXPIRED' : 'CANCELLED', reason);
  }
  if (order.status !== 'PAYABLE' || order.amount === null || order.paymentDeadline === null) {
    throw PaymentErrors.orderNotPayable(order.status);
  }
  if (now.getTime() >= order.paymentDeadline.getTime()) throw PaymentErrors.orderCancelled('EXPIRED', 'EXPIRED');
  return order.amount;
}

export type RefundReason = (typeof REFUND_REASONS)[number];

/** Why money goes back when an order it paid for is cancelled. */
export function refundReasonFor(cancelReason: string): RefundReason {
  if (cancelReason === 'EXPIRED' || cancelReason === 'EXPIRED_AFTER_PAYMENT') return 'EXPIRED_AFTER_PAYMENT';
  if (cancelReason === 'CANCELLED_BY_BUYER') return 'CANCELLED_BY_BUYER';
  return 'ORDER_CANCELLED';
}
