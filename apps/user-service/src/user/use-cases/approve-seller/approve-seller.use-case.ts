import { type RouteResult, sellerApproved, withIdempotency, writeOutboxEvent } from '@sneakers/shared';
import type { UserServiceDeps } from '../../../deps';
import { approve, asSeller } from '../../domain/user';
import type { SellerDecision } from '../../seller-decision';
import { lockUserById, saveSellerStatus } from '../../user.repository';
import { toUserView } from '../../user.view';

type Deps = Pick<UserServiceDeps, 'runInTransaction' | 'now'>;

/** Approving an approved seller answers 200 and announces nothing a second time. */
export async function approveSeller(
  deps: Deps,
  { sellerId, adminId, idempotencyKey }: SellerDecision,
): Promise<RouteResult> {
  return withIdempotency(
    deps.runInTransaction,
    { scope: adminId, key: idempotencyKey, fingerprint: { action: 'approve-seller', sellerId } },
    async (tx) => {
      const seller = asSeller(await lockUserById(tx, sellerId));
      const approved = approve(seller, deps.now());
      if (approved) {
        await saveSellerStatus(tx, approved);
        await writeOutboxEvent(tx, sellerApproved, {
          aggregateId: approved.id,
          payload: {
            sellerId: approved.id,
            storeName: approved.storeName,
            approvedAt: approved.approvedAt.toISOString(),
          },
        });
      }
      return { status: 200, body: toUserView(approved ?? seller) };
    },
  );
}
