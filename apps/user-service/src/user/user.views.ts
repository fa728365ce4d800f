import type { UserView } from '@sneakers/contracts';
import type { User } from './domain/user';

/** What clients see of an account: everything but the password hash. */
export function toUserView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    seller:
      user.role === 'SELLER'
        ? { storeName: user.storeName, status: user.sellerStatus, approvedAt: user.approvedAt?.toISOString() ?? null }
        : null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}
