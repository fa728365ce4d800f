import type { PlatformRoute } from '../platform-route';
import {
  cancelOrderRoute,
  getOrderRoute,
  getOrderTimelineRoute,
  listMyOrdersRoute,
  placeOrderRoute,
} from './order.routes';

export * from './order.routes';
export * from './order.schemas';

/** Every public endpoint of order-service, for the gateway's routing table and OpenAPI. */
export const orderRoutes: readonly PlatformRoute[] = [
  placeOrderRoute,
  listMyOrdersRoute,
  getOrderRoute,
  getOrderTimelineRoute,
  cancelOrderRoute,
];
