import { decodeCursor, handle, instant, listMyOrdersRoute, toPage } from '@sneakers/shared';
import type { Router } from 'express';
import { z } from 'zod';
import type { OrderDeps } from '../../order.deps';
import { listBuyerOrders } from '../../order.repository';
import { orderView } from '../../order.views';

const cursorShape = z.object({ placedAt: instant(), id: z.uuid() });

export function serveListOrders(router: Router, { runInTransaction }: OrderDeps): void {
  handle(router, listMyOrdersRoute, async ({ identity, query }) => {
    const cursor = query.cursor ? decodeCursor(query.cursor, cursorShape) : undefined;
    const orders = await runInTransaction((tx) =>
      listBuyerOrders(tx, identity.userId, {
        take: query.limit + 1,
        ...(query.status ? { status: query.status } : {}),
        ...(cursor ? { before: { placedAt: new Date(cursor.placedAt), id: cursor.id } } : {}),
      }),
    );
    const page = toPage(orders, query.limit, orderView, (o) => ({ placedAt: o.placedAt.toISOString(), id: o.id }));
    return { status: 200, body: page };
  });
}
