import { couponReserved } from '@sneakers/contracts';
import { react } from '@sneakers/kit';
import type { Tx } from '../../prisma';
import { advanceOrder } from '../advance-order';
import { recordCouponReserved } from '../domain/order';
import { type SagaSettings, settleNow } from './saga-clock';

/** The coupon's rule snapshot is in: the order is priced with it once its stock is reserved too. */
export const awaitPaymentWhenCouponReserved = (settings: SagaSettings) =>
  react(couponReserved, async ({ eventId, type, payload }, tx: Tx) => {
    await advanceOrder(tx, {
      orderId: payload.orderId,
      step: 'COUPON_RESERVED',
      causedBy: { type, id: eventId },
      detail: { userCouponId: payload.userCouponId, rule: payload.rule },
      transition: (order) => recordCouponReserved(order, payload.userCouponId, payload.rule, settleNow(settings)),
      outcomes: settings.outcomes,
    });
  });
