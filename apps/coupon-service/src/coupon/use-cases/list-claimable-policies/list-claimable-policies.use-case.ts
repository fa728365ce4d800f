import { keysetPage, newestFirst, type Page, type PageRequest } from '@sneakers/kit';
import type { Tx } from '../../../prisma';
import { listClaimablePolicies as findClaimable } from '../../coupon-policy.repository';
import type { CouponPolicy } from '../../domain/coupon-policy';

/**
 * Policies a buyer could claim at `now`, by the database's count. During a storm the count trails
 * Redis by the claims still committing, so a listed policy may answer SOLD_OUT: the claim decides.
 */
export function listClaimablePolicies(tx: Tx, now: Date, query: PageRequest): Promise<Page<CouponPolicy>> {
  return keysetPage(query, newestFirst('createdAt'), (window) => findClaimable(tx, { ...window, now }));
}
