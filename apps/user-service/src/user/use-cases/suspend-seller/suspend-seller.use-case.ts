import { sellerSuspended } from '@sneakers/contracts';
import { writeOutboxEvent } from '@sneakers/kit';
import type { Tx } from '../../../prisma';
import { asSeller, type Seller, suspend } from '../../domain/user';
import type { UserDeps } from '../../user.deps';
import { lockUserById, saveSellerStatus } from '../../user.repository';

/**
 * Announced as seller.suspended with the status change: the services that check sellers keep it and
 * refuse the seller's next request, whatever its unexpired access token still says.
 */
export async function suspendSeller(tx: Tx, { now }: Pick<UserDeps, 'now'>, sellerId: string): Promise<Seller> {
  const seller = asSeller(await lockUserById(tx, sellerId));
  const suspended = suspend(seller, now());
  if (!suspended) return seller;
  await saveSellerStatus(tx, suspended);
  await writeOutboxEvent(tx, sellerSuspended, {
    aggregateId: suspended.id,
    payload: { sellerId: suspended.id, suspendedAt: suspended.updatedAt.toISOString() },
  });
  return suspended;
}
