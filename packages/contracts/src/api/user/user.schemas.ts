import { typedSecret } from '@sneakers/kit';
import { ROLES, SELLER_STATUSES } from '@sneakers/kit/identity';
import { z } from 'zod';

/** Longest address SMTP can deliver to (RFC 5321); anything longer cannot be a real account. */
export const emailField = z.email().max(254);

export const newPasswordField = typedSecret({ min: 8, max: 128 });

export const sellerProfileView = z.object({
  storeName: z.string(),
  status: z.enum(SELLER_STATUSES),
  approvedAt: z.iso.datetime().nullable(),
});

/** An account as clients see it: never the password hash. `seller` is null for admins and buyers. */
export const userView = z.object({
  id: z.uuid(),
  email: z.email(),
  role: z.enum(ROLES),
  seller: sellerProfileView.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export type UserView = z.infer<typeof userView>;

export const tokenPairView = z.object({
  tokenType: z.literal('Bearer'),
  accessToken: z.string(),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int(),
  /** Opaque; single use: each refresh returns a new one and revokes it. */
  refreshToken: z.string(),
  refreshExpiresIn: z.number().int(),
});

export type TokenPairView = z.infer<typeof tokenPairView>;
