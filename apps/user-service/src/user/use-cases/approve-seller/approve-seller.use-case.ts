import { sellerApproved } from '@sneakers/contracts';
import { writeOutboxEvent } from '@sneakers/kit';
import type { Tx } from '../../../prisma';
import { approve, asSeller, type Seller } from '../../domain/user';
import type { UserDeps } from '../../user.deps';
import { lockUserById, saveSellerStatus } from '../../user.repository';

/** Approving an approved seller changes nothing and announces nothing a second time. */
export async function approveSeller(tx: Tx, { now }: Pick<UserDeps, 'now'>, sellerId: string): Promise<Seller> {
  const seller = asSeller(await lockUserById(tx, sellerId));
  const approved = approve(seller, now());
  if (!approved) return seller;
  await saveSellerStatus(tx, approved);
  await writeOutboxEvent(tx, sellerApproved, {
    aggregateId: approved.id,
    payload: { sellerId: approved.id, storeName: approved.storeName, approvedAt: approved.approvedAt.toISOString() },
  });
  return approved;
}
