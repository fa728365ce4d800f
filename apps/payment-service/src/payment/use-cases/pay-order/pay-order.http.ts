import { handle, payOrderRoute, type TransactionRunner, withIdempotency } from '@sneakers/shared';
import type { Router } from 'express';
import type { Tx } from '../../../prisma';
import { paymentView } from '../../payment.views';
import { payOrder } from './pay-order.use-case';

export function servePayOrder(router: Router, { runInTransaction }: { runInTransaction: TransactionRunner<Tx> }): void {
  handle(router, payOrderRoute, ({ identity, params, idempotencyKey }) =>
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
}
