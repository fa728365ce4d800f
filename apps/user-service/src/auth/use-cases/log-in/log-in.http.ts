import { handle, logInRoute } from '@sneakers/shared';
import type { Router } from 'express';
import type { UserServiceDeps } from '../../../deps';
import { logIn } from './log-in.use-case';

export function logInHttp(router: Router, deps: UserServiceDeps): void {
  handle(router, logInRoute, async ({ body }) => ({
    status: 200,
    body: await logIn(deps, body),
    headers: { 'Cache-Control': 'no-store' },
  }));
}
