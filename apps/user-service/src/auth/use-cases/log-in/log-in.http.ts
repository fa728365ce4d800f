import { logInRoute } from '@sneakers/contracts';
import { handle } from '@sneakers/kit';
import type { Router } from 'express';
import type { AuthDeps } from '../../auth.deps';
import { logIn } from './log-in.use-case';

export function serveLogIn(router: Router, deps: AuthDeps): void {
  handle(router, logInRoute, async ({ body }) => ({
    status: 200,
    body: await logIn(deps, body),
    headers: { 'Cache-Control': 'no-store' },
  }));
}
