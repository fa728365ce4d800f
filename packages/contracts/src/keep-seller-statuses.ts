import type { SqlExecutor } from '@sneakers/kit';
import { type Reaction, react, recordSellerStatus } from '@sneakers/kit';
import { sellerApproved, sellerSuspended } from './events';

/**
 * The reactions that keep a service's `seller_statuses` (see `ServiceDefinition.keepsSellerStatuses`):
 * each of user-service's decisions, applied once through the inbox, the newest winning.
 */
export function keepSellerStatuses<Tx extends SqlExecutor>(): Reaction<Tx>[] {
  return [
    react(sellerApproved, ({ payload }, tx: Tx) =>
      recordSellerStatus(tx, {
        sellerId: payload.sellerId,
        status: 'APPROVED',
        changedAt: new Date(payload.approvedAt),
      }),
    ),
    react(sellerSuspended, ({ payload }, tx: Tx) =>
      recordSellerStatus(tx, {
        sellerId: payload.sellerId,
        status: 'SUSPENDED',
        changedAt: new Date(payload.suspendedAt),
      }),
    ),
  ];
}
