import { logOutRoute } from '@sneakers/contracts';
import { handle } from '@sneakers/kit';
import type { Router } from 'express';
import type { AuthDeps } from '../../auth.deps';
import { logOut } from './log-out.use-case';

export function serveLogOut(router: Router, deps: AuthDeps): void {
  handle(router, logOutRoute, async ({ body }) => {
    await logOut(deps, body.refreshToken);
    return { status: 204 };
  });
}
