import type { Request } from 'express';
import type { Cause } from './order-steps.repository';

/** A step the buyer started: the timeline names the request by the id every log line carries. */
export const requestCause = (req: Request): Cause => ({
  type: 'request',
  id: (req.res?.getHeader('x-request-id') as string | undefined) ?? null,
});
