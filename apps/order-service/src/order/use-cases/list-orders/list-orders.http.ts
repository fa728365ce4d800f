import { listMyOrdersRoute } from '@sneakers/contracts';
import { handle, keysetPage, newestFirst } from '@sneakers/kit';
import type { Router } from 'express';
import type { OrderDeps } from '../../order.deps';
import { listBuyerOrders } from '../../order.repository';
import { orderView } from '../../order.views';

export function serveListOrders(router: Router, { runInTransaction }: OrderDeps): void {
  handle(router, listMyOrdersRoute, async ({ identity, query }) => {
    const page = await keysetPage(query, newestFirst('placedAt'), (window) =>
      runInTransaction((tx) => listBuyerOrders(tx, identity.userId, { ...window, status: query.status })),
    );
    return { status: 200, body: { ...page, items: page.items.map(orderView) } };
  });
}
