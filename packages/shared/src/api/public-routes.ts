import { catalogRoutes } from './catalog';
import { couponRoutes } from './coupon';
import { operationsRoutes } from './operations';
import { orderRoutes } from './order';
import { paymentRoutes } from './payment';
import type { RouteContract } from './route-contract';
import { userRoutes } from './user';

/** Every endpoint the gateway exposes; anything not listed here is internal to its service. */
export const PUBLIC_ROUTES: readonly RouteContract[] = [
  ...userRoutes,
  ...paymentRoutes,
  ...catalogRoutes,
  ...couponRoutes,
  ...orderRoutes,
  ...operationsRoutes,
];
