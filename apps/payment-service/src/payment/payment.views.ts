import type { paymentSchema } from '@sneakers/contracts';
import type { z } from 'zod';
import type { Payment } from './domain/payment';

/** The JSON shape of the payment contract, typed by it so the two cannot drift apart. */
export const paymentView = (payment: Payment): z.infer<typeof paymentSchema> => ({
  id: payment.id,
  orderId: payment.orderId,
  amount: payment.amount,
  currency: 'KRW',
  status: payment.status,
  paidAt: payment.paidAt.toISOString(),
  refundedAt: payment.refundedAt?.toISOString() ?? null,
});
