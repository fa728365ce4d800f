import type { TransactionRunner } from '@sneakers/kit';
import type { Tx } from '../../../prisma';
import { advanceOrder } from '../../advance-order';
import { expire } from '../../domain/order';
import { lockDueOrderIds } from '../../order.repository';
import type { SagaOutcomes } from '../../saga-outcomes';

/**
 * Expires one batch of unpaid orders whose deadline passed more than `graceMs` ago; returns how
 * many. The grace is for payments payment-service accepted before the deadline and whose
 * payment.completed is still on its way: a buyer answered 201 must end with a PAID order. The batch is claimed
 * with SKIP LOCKED and expired in the same transaction, so two runners never expire one order, and a
 * payment.completed being applied to an order (which holds its row lock) is never overtaken: it
 * either commits PAID first (the order is then not due) or comes after EXPIRED and sees it.
 */
export async function expireDueOrders(
  runInTransaction: TransactionRunner<Tx>,
  {
    now = new Date(),
    graceMs,
    batchSize = 100,
    outcomes,
  }: { now?: Date; graceMs: number; batchSize?: number; outcomes?: SagaOutcomes },
): Promise<number> {
  return runInTransaction(async (tx) => {
    const due = await lockDueOrderIds(tx, new Date(now.getTime() - graceMs), batchSize);
    for (const orderId of due) {
      await advanceOrder(tx, {
        orderId,
        step: 'DEADLINE_PASSED',
        causedBy: { type: 'expiry', id: null },
        transition: (order) => expire(order, now),
        outcomes,
      });
    }
    return due.length;
  });
}
