import type { Identity } from '@sneakers/kit/identity';
import { ProductErrors } from './product.errors';

/** A seller manages only its own products; an admin manages every product. */
export function assertCanManage(identity: Identity, product: { sellerId: string }): void {
  if (identity.role === 'ADMIN') return;
  if (identity.role !== 'SELLER' || product.sellerId !== identity.userId) throw ProductErrors.notYours();
}

/** Drafts are the seller's business: nobody else learns they exist. */
export function canSee(identity: Identity | undefined, product: { sellerId: string; status: string }): boolean {
  if (product.status !== 'DRAFT') return true;
  return identity?.role === 'ADMIN' || (identity?.role === 'SELLER' && identity.userId === product.sellerId);
}
