import { GATEWAY_PORT } from '@sneakers/shared';
import { z } from 'zod';

export const gatewayEnv = z.object({
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PORT: z.coerce.number().int().min(0).max(65535).default(GATEWAY_PORT),
});
