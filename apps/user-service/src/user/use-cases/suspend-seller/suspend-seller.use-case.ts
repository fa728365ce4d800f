import { type RouteResult, withIdempotency } from '@sneakers/shared';
import type { UserServiceDeps } from '../../../deps';
import { asSeller, suspend } from '../../domain/user';
import { lockUserById, saveSellerStatus } from '../../user.repository';
import { toUserView } from '../../user.view';
import type { SellerDecision } from '../approve-seller/approve-seller.use-case';

/**
 * Takes effect on the seller's next token (at the latest when its access token expires, since a
 * refresh reads the status afresh). No event yet: the shared kit defines no `seller.suspended`.
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
      if (suspended) await saveSellerStatus(tx, suspended);
      return { status: 200, body: toUserView(suspended ?? seller) };
    },
  );
}
