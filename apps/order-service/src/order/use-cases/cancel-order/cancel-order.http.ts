import { cancelOrderRoute } from '@sneakers/contracts';
import { handleIdempotent } from '@sneakers/kit';
import type { Router } from 'express';
import { advanceOrder } from '../../advance-order';
import { cancelByBuyer } from '../../domain/order';
import type { OrderDeps } from '../../order.deps';
import { findOrder } from '../../order.repository';
import { orderView } from '../../order.views';
import { assertCanSee } from '../../order-access';
import { requestCause } from '../../request-cause';

export function serveCancelOrder(router: Router, { runInTransaction, outcomes }: OrderDeps): void {
  handleIdempotent(router, cancelOrderRoute, runInTransaction, ({ identity, params, req, idempotently }) =>
    idempotently(async (tx) => {
      // Ownership is checked on an unlocked read; the buyer of an order never changes.
      assertCanSee(identity, await findOrder(tx, params.orderId));
      const result = await advanceOrder(tx, {
        orderId: params.orderId,
        step: 'CANCEL_REQUESTED',
        causedBy: requestCause(req),
        transition: (order) => cancelByBuyer(order, new Date()),
        outcomes,
      });
      if (!result.found) throw new Error('order vanished');
      return { status: 200, body: orderView(result.order) };
    }),
  );
}
