import { routerFor } from '@sneakers/kit';
import type { Router } from 'express';
import type { AuthDeps } from './auth/auth.deps';
import { serveLogIn } from './auth/use-cases/log-in/log-in.http';
import { serveLogOut } from './auth/use-cases/log-out/log-out.http';
import { serveRefreshSession } from './auth/use-cases/refresh-session/refresh-session.http';
import { serveJwks } from './auth/use-cases/serve-jwks/serve-jwks.http';
import { serveApproveSeller } from './user/use-cases/approve-seller/approve-seller.http';
import { serveGetMe } from './user/use-cases/get-me/get-me.http';
import { serveListUsers } from './user/use-cases/list-users/list-users.http';
import { serveSignUp } from './user/use-cases/sign-up/sign-up.http';
import { serveSuspendSeller } from './user/use-cases/suspend-seller/suspend-seller.http';
import type { UserDeps } from './user/user.deps';

export interface UserRoutesDeps extends AuthDeps, UserDeps {}

/** Every endpoint user-service serves, mounted by runService (in production and in tests alike). */
export function userRoutes(deps: UserRoutesDeps): Router[] {
  const users = routerFor();
  serveSignUp(users, deps);
  serveGetMe(users, deps);
  serveListUsers(users, deps);
  serveApproveSeller(users, deps);
  serveSuspendSeller(users, deps);
  const auth = routerFor();
  serveLogIn(auth, deps);
  serveRefreshSession(auth, deps);
  serveLogOut(auth, deps);
  serveJwks(auth, deps);
  return [users, auth];
}
