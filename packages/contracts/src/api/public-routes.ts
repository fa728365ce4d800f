import { catalogRoutes } from './catalog';
import { couponRoutes } from './coupon';
import { operationsRoutes } from './operations-routes';
import { orderRoutes } from './order';
import { paymentRoutes } from './payment';
import type { PlatformRoute } from './platform-route';
import { userRoutes } from './user';

/** Every endpoint the gateway exposes; anything not listed here is internal to its service. */
export const PUBLIC_ROUTES: readonly PlatformRoute[] = [
  ...userRoutes,
  ...paymentRoutes,
  ...catalogRoutes,
  ...couponRoutes,
  ...orderRoutes,
  ...operationsRoutes,
];
