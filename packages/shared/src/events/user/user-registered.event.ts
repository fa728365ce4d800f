import { z } from 'zod';
import { ROLES } from '../../auth/identity';
import { defineEvent } from '../event-contract';

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
