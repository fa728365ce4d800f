import { z } from 'zod';
import type { PlatformRoute } from '../platform-route';

export const paymentSchema = z.object({
  id: z.uuid(),
  orderId: z.uuid(),
  amount: z.number().int().nonnegative(),
  currency: z.literal('KRW'),
  status: z.enum(['COMPLETED', 'REFUNDED']),
  paidAt: z.iso.datetime(),
  refundedAt: z.iso.datetime().nullable(),
});

export const payOrderRoute = {
  service: 'payment-service',
  method: 'post',
  path: '/orders/{orderId}/payment',
  summary: 'Pay my order from my prepaid balance',
  tag: 'payment',
  access: ['BUYER'],
  idempotent: true,
  params: z.strictObject({ orderId: z.uuid() }),
  responses: {
    201: { description: 'Paid: the balance, the ledger and the payment moved together', schema: paymentSchema },
    200: { description: 'Already paid: the original payment (also without an Idempotency-Key)', schema: paymentSchema },
    400: { description: 'Invalid order id or Idempotency-Key' },
    401: { description: 'No valid access token' },
    403: { description: 'Not a buyer' },
    404: { description: 'PAYMENT.ORDER_NOT_FOUND: not one of my orders' },
    409: {
      description:
        'PAYMENT.INSUFFICIENT_BALANCE (nothing changed); PAYMENT.ORDER_NOT_PAYABLE (not awaiting payment yet, ' +
        'with its `status`); PAYMENT.ORDER_CANCELLED (cancelled, expired or past its deadline)',
    },
    422: { description: 'IDEMPOTENCY.KEY_REUSED for another request' },
  },
} satisfies PlatformRoute;
