import { getOrderTimelineRoute } from '@sneakers/contracts';
import { handle } from '@sneakers/kit';
import type { Router } from 'express';
import type { OrderDeps } from '../../order.deps';
import { findOrder } from '../../order.repository';
import { timelineView } from '../../order.views';
import { assertCanSee } from '../../order-access';
import { listSteps } from '../../order-steps.repository';

export function serveGetTimeline(router: Router, { runInTransaction }: OrderDeps): void {
  handle(router, getOrderTimelineRoute, async ({ identity, params }) => {
    const steps = await runInTransaction(async (tx) => {
      assertCanSee(identity, await findOrder(tx, params.orderId));
      return listSteps(tx, params.orderId);
    });
    return { status: 200, body: timelineView(params.orderId, steps) };
  });
}
