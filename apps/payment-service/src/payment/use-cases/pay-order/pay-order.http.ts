import { payOrderRoute } from '@sneakers/contracts';
import { continueStoredTrace, handleIdempotent, readUntil } from '@sneakers/kit';
import type { Router } from 'express';
import { traceHeadersOfOrder } from '../../payable-order.repository';
import type { PaymentDeps } from '../../payment.deps';
import { paymentView } from '../../payment.views';
import { payOrder } from './pay-order.use-case';

export function servePayOrder(router: Router, { runInTransaction, reads, waiter, orderWaitMs }: PaymentDeps): void {
  handleIdempotent(router, payOrderRoute, runInTransaction, async ({ identity, params, idempotently }) => {
    // order-service shows an order AWAITING_PAYMENT a moment before this service has consumed the
    // event that makes it payable here; a buyer who pays at once would get "not payable" for no
    // reason. So an order not heard of yet is waited for (woken by the event's commit, no polling:
    // a crowd of waiting payments polling starved the consumer they waited for, measured).
    // As PostgreSQL prints a uuid, which is what the event's commit notifies.
    const orderId = params.orderId.toLowerCase();
    const read = () => traceHeadersOfOrder(reads, orderId);
    const known = await readUntil(waiter, orderId, read, (trace) => trace !== undefined, orderWaitMs);
    const checkoutTrace = known ?? {};
    return continueStoredTrace(checkoutTrace, 'pay order', () =>
      idempotently(async (tx) => {
        const { payment, created } = await payOrder(tx, {
          orderId,
          buyerId: identity.userId,
          now: new Date(),
        });
        return { status: created ? 201 : 200, body: paymentView(payment) };
      }),
    );
  });
}
