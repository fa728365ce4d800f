import type { Reaction } from '@sneakers/kit';
import { awaitPaymentWhenCouponReserved } from '../order/reactions/await-payment-when-coupon-reserved';
import { awaitPaymentWhenStockReserved } from '../order/reactions/await-payment-when-stock-reserved';
import { cancelOrderWhenCouponRejected } from '../order/reactions/cancel-order-when-coupon-rejected';
import { cancelOrderWhenStockRejected } from '../order/reactions/cancel-order-when-stock-rejected';
import { markOrderPaidWhenPaymentCompleted } from '../order/reactions/mark-order-paid-when-payment-completed';
import { noteRefundWhenPaymentRefunded } from '../order/reactions/note-refund-when-payment-refunded';
import type { SagaSettings } from '../order/reactions/saga-clock';
import type { Tx } from '../prisma';

/** Every event this service reacts to (consumer group order-service), in one list. */
export const orderReactions = (settings: SagaSettings): Reaction<Tx>[] => [
  awaitPaymentWhenStockReserved(settings),
  cancelOrderWhenStockRejected(settings),
  awaitPaymentWhenCouponReserved(settings),
  cancelOrderWhenCouponRejected(settings),
  markOrderPaidWhenPaymentCompleted(settings),
  noteRefundWhenPaymentRefunded,
];
