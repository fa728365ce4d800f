import { routerFor } from '@sneakers/kit';
import type { Router } from 'express';
import type { OrderDeps } from './order/order.deps';
import { serveCancelOrder } from './order/use-cases/cancel-order/cancel-order.http';
import { serveGetOrder } from './order/use-cases/get-order/get-order.http';
import { serveGetTimeline } from './order/use-cases/get-timeline/get-timeline.http';
import { serveListOrders } from './order/use-cases/list-orders/list-orders.http';
import { servePlaceOrder } from './order/use-cases/place-order/place-order.http';

/** Every endpoint order-service serves, mounted by runService (in production and in tests alike). */
export function orderRoutes(deps: OrderDeps): Router[] {
  const orders = routerFor();
  servePlaceOrder(orders, deps);
  serveListOrders(orders, deps);
  serveGetOrder(orders, deps);
  serveGetTimeline(orders, deps);
  serveCancelOrder(orders, deps);
  return [orders];
}
