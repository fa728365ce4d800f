import { type Identity, keysetPage, newestFirst, type Page, type PageRequest } from '@sneakers/kit';
import type { Tx } from '../../../prisma';
import { listPolicies } from '../../coupon-policy.repository';
import type { CouponPolicy } from '../../domain/coupon-policy';

/** A seller's own campaigns; an admin sees every seller's. Newest first. */
export function listManagedPolicies(tx: Tx, caller: Identity, query: PageRequest): Promise<Page<CouponPolicy>> {
  const sellerId = caller.role === 'ADMIN' ? undefined : caller.userId;
  return keysetPage(query, newestFirst('createdAt'), (window) => listPolicies(tx, { ...window, sellerId }));
}
