import { PLATFORM_SERVICES } from '@sneakers/contracts';
import { serviceEnv } from '@sneakers/kit';
import { z } from 'zod';

/** Dev-only credentials of the first admin; public by definition, hence refused in production. */
const DEV_ADMIN = { email: 'admin@sneakers.local', password: 'admin-dev-password' };

export const userServiceEnv = serviceEnv(PLATFORM_SERVICES['user-service'])
  .extend({
    ADMIN_EMAIL: z.email().default(DEV_ADMIN.email),
    ADMIN_PASSWORD: z.string().min(8).max(128).optional(),
    REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    /** At start-up, a signing key older than this is replaced (the old one keeps verifying a while). */
    SIGNING_KEY_ROTATION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.ADMIN_PASSWORD === undefined) {
      ctx.addIssue({ code: 'custom', path: ['ADMIN_PASSWORD'], message: 'required in production' });
    }
  })
  .transform((env) => ({ ...env, ADMIN_PASSWORD: env.ADMIN_PASSWORD ?? DEV_ADMIN.password }));

export type UserServiceConfig = z.infer<typeof userServiceEnv>;
