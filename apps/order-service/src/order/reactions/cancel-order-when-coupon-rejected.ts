import { couponRejected } from '@sneakers/contracts';
import { react } from '@sneakers/kit';
import type { Tx } from '../../prisma';
import { advanceOrder } from '../advance-order';
import { recordCouponRejected } from '../domain/order';
import { type SagaSettings, settleNow } from './saga-clock';

export const cancelOrderWhenCouponRejected = (settings: SagaSettings) =>
  react(couponRejected, async ({ eventId, type, payload }, tx: Tx) => {
    await advanceOrder(tx, {
      orderId: payload.orderId,
      step: 'COUPON_REJECTED',
      causedBy: { type, id: eventId },
      detail: { reason: payload.reason },
      transition: (order) => recordCouponRejected(order, payload.userCouponId, settleNow(settings)),
      outcomes: settings.outcomes,
    });
  });
