import { defineEvent } from '@sneakers/kit/events';
import { ROLES } from '@sneakers/kit/identity';
import { z } from 'zod';

/** A new account exists (payment-service opens a wallet for buyers). */
export const userRegistered = defineEvent({
  type: 'user.registered',
  version: 1,
  aggregateType: 'user',
  payload: z.object({
    userId: z.uuid(),
    email: z.email(),
    role: z.enum(ROLES),
    registeredAt: z.iso.datetime(),
  }),
});
