import { PLATFORM_SERVICES } from '@sneakers/contracts';
import { serviceEnv } from '@sneakers/kit';
import { z } from 'zod';

// Money columns are int4. With the cap at most 1e9, a balance plus one charge (each at most the
// cap) stays below 2^31 - 1, so even the rejected sum in the cap check cannot overflow.
const HIGHEST_BALANCE_CAP = 1_000_000_000;

export const paymentServiceEnv = serviceEnv(PLATFORM_SERVICES['payment-service'])
  .extend({
    /** The most one charge may add, in KRW. */
    WALLET_MAX_CHARGE: z.coerce.number().int().positive().default(1_000_000),
    /** The most a wallet may hold, in KRW. */
    WALLET_BALANCE_CAP: z.coerce.number().int().positive().max(HIGHEST_BALANCE_CAP).default(10_000_000),
    /**
     * How long a payment waits for an order this service has not heard of yet (see pay-order.http.ts).
     * A waiting request costs no queries, and under a crowd the event can be seconds behind.
     */
    PAYMENT_ORDER_WAIT_MS: z.coerce.number().int().min(0).max(10_000).default(10_000),
  })
  .refine((env) => env.WALLET_MAX_CHARGE <= env.WALLET_BALANCE_CAP, {
    path: ['WALLET_MAX_CHARGE'],
    message: 'must not exceed WALLET_BALANCE_CAP',
  });

export type PaymentServiceConfig = z.infer<typeof paymentServiceEnv>;
