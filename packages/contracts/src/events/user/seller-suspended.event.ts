import { defineEvent } from '@sneakers/kit/events';
import { z } from 'zod';

/**
 * An admin suspended a seller: from now on it may not sell. Services that check sellers keep the
 * newest status per seller, so the seller's unexpired access token no longer speaks for it.
 */
export const sellerSuspended = defineEvent({
  type: 'seller.suspended',
  version: 1,
  aggregateType: 'user',
  payload: z.object({
    sellerId: z.uuid(),
    suspendedAt: z.iso.datetime(),
  }),
});
