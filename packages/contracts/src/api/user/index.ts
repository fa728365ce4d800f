import type { PlatformRoute } from '../platform-route';
import { approveSellerRoute, listUsersRoute, suspendSellerRoute } from './admin.routes';
import { jwksRoute, logInRoute, logOutRoute, refreshSessionRoute } from './auth.routes';
import { getMeRoute } from './me.routes';
import { signUpBuyerRoute, signUpSellerRoute } from './sign-up.routes';

export * from './admin.routes';
export * from './auth.routes';
export * from './me.routes';
export * from './sign-up.routes';
export * from './user.schemas';

/** Every public endpoint of user-service, for the gateway and the OpenAPI document. */
export const userRoutes: readonly PlatformRoute[] = [
  signUpBuyerRoute,
  signUpSellerRoute,
  logInRoute,
  refreshSessionRoute,
  logOutRoute,
  jwksRoute,
  getMeRoute,
  listUsersRoute,
  approveSellerRoute,
  suspendSellerRoute,
];
