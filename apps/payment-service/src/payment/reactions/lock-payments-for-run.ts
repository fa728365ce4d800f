import { orderCancelled } from '@sneakers/contracts';
import type { EventEnvelope, PayloadOf } from '@sneakers/kit';
import type { Tx } from '../../prisma';
import { lockWallets } from '../../wallet/wallet.repository';
import { lockPayableOrders } from '../payable-order.repository';

/**
 * A run of events in one transaction takes its orders' rows, then the wallets a refund may credit,
 * each in id order, before the first event is applied: the order a payment follows (its order,
 * then its buyer's wallet). Event by event, two runs refunding the same buyers in other orders
 * deadlocked (40P01, in a test that races them).
 */
export async function lockPaymentsForRun(events: EventEnvelope<unknown>[], tx: Tx): Promise<void> {
  const orderIds = events.filter((e) => e.aggregateType === 'order').map((e) => e.aggregateId);
  const refunded = events
    .filter(({ type }) => type === orderCancelled.type)
    .map(({ payload }) => (payload as PayloadOf<typeof orderCancelled>).buyerId);
  await lockPayableOrders(tx, orderIds);
  await lockWallets(tx, refunded);
}
