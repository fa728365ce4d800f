import { routerFor } from '@sneakers/shared';
import type { Router } from 'express';
import { logInHttp } from './auth/use-cases/log-in/log-in.http';
import { logOutHttp } from './auth/use-cases/log-out/log-out.http';
import { refreshSessionHttp } from './auth/use-cases/refresh-session/refresh-session.http';
import { serveJwksHttp } from './auth/use-cases/serve-jwks/serve-jwks.http';
import type { UserServiceDeps } from './deps';
import { approveSellerHttp } from './user/use-cases/approve-seller/approve-seller.http';
import { getMeHttp } from './user/use-cases/get-me/get-me.http';
import { listUsersHttp } from './user/use-cases/list-users/list-users.http';
import { signUpHttp } from './user/use-cases/sign-up/sign-up.http';
import { suspendSellerHttp } from './user/use-cases/suspend-seller/suspend-seller.http';

/** Every endpoint of user-service, one registration per use case. */
export function userRoutes(deps: UserServiceDeps): Router[] {
  const router = routerFor();
  for (const register of [
    signUpHttp,
    logInHttp,
    refreshSessionHttp,
    logOutHttp,
    serveJwksHttp,
    getMeHttp,
    listUsersHttp,
    approveSellerHttp,
    suspendSellerHttp,
  ]) {
    register(router, deps);
  }
  return [router];
}
