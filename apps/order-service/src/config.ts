import { PLATFORM_SERVICES } from '@sneakers/contracts';
import { serviceEnv } from '@sneakers/kit';
import { z } from 'zod';

export const orderServiceEnv = serviceEnv(PLATFORM_SERVICES['order-service']).extend({
  /** How long a buyer has to pay once stock (and coupon) are held. */
  ORDER_PAYMENT_WINDOW_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(600_000),
  /**
   * How often each instance looks for unpaid orders past their deadline and grace: 5 s late on a
   * 10-minute window and a minute's grace is nothing, and an idle instance asks its database 12
   * times a minute instead of 60.
   */
  ORDER_EXPIRY_INTERVAL_MS: z.coerce.number().int().min(50).max(60_000).default(5_000),
  /**
   * How long after its deadline an unpaid order is expired. payment-service owns the deadline (it
   * refuses a payment at or after it); this grace lets a payment it accepted just before the
   * deadline reach us first, even across a broker restart. Longer outages still end in a refund.
   */
  ORDER_EXPIRY_GRACE_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
  /** Where paid orders are delivered (HTTP POST, JSON); `npm run data-platform -w apps/order-service` serves one locally. */
  DATA_PLATFORM_URL: z.url().default('http://127.0.0.1:3014/paid-orders'),
  DATA_PLATFORM_TIMEOUT_MS: z.coerce.number().int().min(100).max(10_000).default(5_000),
  /**
   * Tries per paid order before it goes to the dead-letter topic (order-service-data-platform.dlq,
   * replayable). With the kit's back-off capped at 5 s, 60 tries ride out about five minutes of outage.
   */
  DATA_PLATFORM_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1_000).default(60),
});

export type OrderServiceConfig = z.infer<typeof orderServiceEnv>;
