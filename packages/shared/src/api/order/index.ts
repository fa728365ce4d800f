import type { RouteContract } from '../route-contract';
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
export const orderRoutes: readonly RouteContract[] = [
  placeOrderRoute,
  listMyOrdersRoute,
  getOrderRoute,
  getOrderTimelineRoute,
  cancelOrderRoute,
];
