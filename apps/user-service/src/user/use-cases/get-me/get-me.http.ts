import { getMeRoute } from '@sneakers/contracts';
import { handle } from '@sneakers/kit';
import type { Router } from 'express';
import type { UserDeps } from '../../user.deps';
import { getMe } from './get-me.use-case';

export function serveGetMe(router: Router, deps: UserDeps): void {
  handle(router, getMeRoute, async ({ identity }) => ({
    status: 200,
    body: await getMe(deps, identity.userId),
  }));
}
