import { decodeCursor, type Identity, instant, type Page, toPage } from '@sneakers/shared';
import { z } from 'zod';
import type { Tx } from '../../../prisma';
import { listPolicies } from '../../coupon-policy.repository';
import type { CouponPolicy } from '../../domain/coupon-policy';

const position = z.strictObject({ createdAt: instant(), id: z.uuid() });

/** A seller's own campaigns; an admin sees every seller's. Newest first. */
export async function listManagedPolicies(
  tx: Tx,
  caller: Identity,
  { limit, cursor }: { limit: number; cursor?: string },
): Promise<Page<CouponPolicy>> {
  const after = cursor === undefined ? undefined : decodeCursor(cursor, position);
  const rows = await listPolicies(tx, {
    sellerId: caller.role === 'ADMIN' ? undefined : caller.userId,
    take: limit + 1,
    before: after && { createdAt: new Date(after.createdAt), id: after.id },
  });
  return toPage(
    rows,
    limit,
    (p) => p,
    (p) => ({ createdAt: p.createdAt.toISOString(), id: p.id }),
  );
}
