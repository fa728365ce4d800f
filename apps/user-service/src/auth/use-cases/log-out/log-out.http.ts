import { handle, logOutRoute } from '@sneakers/shared';
import type { Router } from 'express';
import type { UserServiceDeps } from '../../../deps';
import { logOut } from './log-out.use-case';

export function logOutHttp(router: Router, deps: UserServiceDeps): void {
  handle(router, logOutRoute, async ({ body }) => {
    await logOut(deps, body.refreshToken);
    return { status: 204 };
  });
}
