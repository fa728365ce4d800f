import type { ProductStatus } from '../../generated/prisma/client';
import { ProductErrors } from './product.errors';

/**
 * Where a product may go next: publishing again is a no-op, a sold-out product may be put back on
 * sale, and DISCONTINUED is final. Returns undefined when the product is already there.
 */
export function nextStatus(from: ProductStatus, to: 'ON_SALE' | 'DISCONTINUED'): ProductStatus | undefined {
  if (from === to) return undefined;
  if (from === 'DISCONTINUED') throw ProductErrors.invalidTransition(from, to);
  return to;
}
