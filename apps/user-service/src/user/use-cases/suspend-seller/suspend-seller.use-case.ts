import { type RouteResult, sellerSuspended, withIdempotency, writeOutboxEvent } from '@sneakers/shared';
import type { UserServiceDeps } from '../../../deps';
import { asSeller, suspend } from '../../domain/user';
import type { SellerDecision } from '../../seller-decision';
import { lockUserById, saveSellerStatus } from '../../user.repository';
import { toUserView } from '../../user.view';

/**
 * Announced as seller.suspended with the status change: the services that check sellers keep it and
 * refuse the seller's next request, whatever its unexpired access token still says.
 */
export async function suspendSeller(
  deps: Pick<UserServiceDeps, 'runInTransaction' | 'now'>,
  { sellerId, adminId, idempotencyKey }: SellerDecision,
): Promise<RouteResult> {
  return withIdempotency(
    deps.runInTransaction,
    { scope: adminId, key: idempotencyKey, fingerprint: { action: 'suspend-seller', sellerId } },
    async (tx) => {
      const seller = asSeller(await lockUserById(tx, sellerId));
      const suspended = suspend(seller, deps.now());
      if (suspended) {
        await saveSellerStatus(tx, suspended);
        await writeOutboxEvent(tx, sellerSuspended, {
          aggregateId: suspended.id,
          payload: { sellerId: suspended.id, suspendedAt: suspended.updatedAt.toISOString() },
        });
      }
      return { status: 200, body: toUserView(suspended ?? seller) };
    },
  );
}
