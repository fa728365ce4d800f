import { continueStoredTrace, handle, payOrderRoute, type TransactionRunner, withIdempotency } from '@sneakers/shared';
import type { Router } from 'express';
import type { Tx } from '../../../prisma';
import { isOrderKnown, traceHeadersOfOrder } from '../../payable-order.repository';
import { paymentView } from '../../payment.views';
import { payOrder } from './pay-order.use-case';

const POLL_MS = 50;

/**
 * order-service shows an order AWAITING_PAYMENT a moment before this service has consumed the event
 * that makes it payable here; a buyer who pays at once would get "not payable" for no reason. So an
 * order not heard of yet is waited for briefly before answering.
 */
async function waitUntilKnown(runInTransaction: TransactionRunner<Tx>, orderId: string, waitMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  while (!(await runInTransaction((tx) => isOrderKnown(tx, orderId))) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

export function servePayOrder(
  router: Router,
  { runInTransaction, orderWaitMs }: { runInTransaction: TransactionRunner<Tx>; orderWaitMs: number },
): void {
  handle(router, payOrderRoute, async ({ identity, params, idempotencyKey }) => {
    await waitUntilKnown(runInTransaction, params.orderId, orderWaitMs);
    const checkoutTrace = await runInTransaction((tx) => traceHeadersOfOrder(tx, params.orderId));
    return continueStoredTrace(checkoutTrace, 'pay order', () =>
      withIdempotency(
        runInTransaction,
        {
          scope: identity.userId,
          key: idempotencyKey,
          fingerprint: { method: payOrderRoute.method, path: payOrderRoute.path, params },
        },
        async (tx) => {
          const { payment, created } = await payOrder(tx, {
            orderId: params.orderId,
            buyerId: identity.userId,
            now: new Date(),
          });
          return { status: created ? 201 : 200, body: paymentView(payment) };
        },
      ),
    );
  });
}
