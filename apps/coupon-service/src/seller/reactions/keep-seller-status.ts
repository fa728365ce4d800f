import { react, recordSellerStatus, sellerApproved, sellerSuspended } from '@sneakers/shared';
import type { Tx } from '../../prisma';

/** Sellers' newest statuses, which this service checks on every seller request (see runService). */
export const keepSellerStatusWhenApproved = react(sellerApproved, async ({ payload }, tx: Tx) => {
  await recordSellerStatus(tx, {
    sellerId: payload.sellerId,
    status: 'APPROVED',
    changedAt: new Date(payload.approvedAt),
  });
});

export const keepSellerStatusWhenSuspended = react(sellerSuspended, async ({ payload }, tx: Tx) => {
  await recordSellerStatus(tx, {
    sellerId: payload.sellerId,
    status: 'SUSPENDED',
    changedAt: new Date(payload.suspendedAt),
  });
});
