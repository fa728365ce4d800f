import { refreshSessionRoute } from '@sneakers/contracts';
import { handle } from '@sneakers/kit';
import type { Router } from 'express';
import type { AuthDeps } from '../../auth.deps';
import { refreshSession } from './refresh-session.use-case';

export function serveRefreshSession(router: Router, deps: AuthDeps): void {
  handle(router, refreshSessionRoute, async ({ body }) => ({
    status: 200,
    body: await refreshSession(deps, body.refreshToken),
    headers: { 'Cache-Control': 'no-store' },
  }));
}
