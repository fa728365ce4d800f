import { handle, refreshSessionRoute } from '@sneakers/shared';
import type { Router } from 'express';
import type { UserServiceDeps } from '../../../deps';
import { refreshSession } from './refresh-session.use-case';

export function refreshSessionHttp(router: Router, deps: UserServiceDeps): void {
  handle(router, refreshSessionRoute, async ({ body }) => ({
    status: 200,
    body: await refreshSession(deps, body.refreshToken),
    headers: { 'Cache-Control': 'no-store' },
  }));
}
