/** Roles come from the user's `dtype` (single-table inheritance in user-service). */
export const ROLES = ['ADMIN', 'SELLER', 'BUYER'] as const;
export type Role = (typeof ROLES)[number];

export const SELLER_STATUSES = ['PENDING', 'APPROVED', 'SUSPENDED'] as const;
export type SellerStatus = (typeof SELLER_STATUSES)[number];

/** Who is calling, as proven by a verified access token. */
export interface Identity {
  userId: string;
  role: Role;
  /** Only for sellers: an unapproved seller is authenticated but may not sell. */
  sellerStatus?: SellerStatus;
  /** When the token was issued (its `iat`, whole seconds): how old its `sellerStatus` is. */
  issuedAt?: Date;
}
