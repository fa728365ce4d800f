import { ProductErrors } from './product.errors';

/** The database enum product_status; the repository hands Prisma's enum in, which the compiler matches to this. */
export type ProductStatus = 'DRAFT' | 'ON_SALE' | 'SOLD_OUT' | 'DISCONTINUED';

/**
 * Where a product may go next: publishing again is a no-op, a sold-out product may be put back on
 * sale, and DISCONTINUED is final. Returns undefined when the product is already there.
 */
export function nextStatus(from: ProductStatus, to: 'ON_SALE' | 'DISCONTINUED'): ProductStatus | undefined {
  if (from === to) return undefined;
  if (from === 'DISCONTINUED') throw ProductErrors.invalidTransition(from, to);
  return to;
}
