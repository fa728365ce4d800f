import { listUsersRoute } from '@sneakers/contracts';
import { handle } from '@sneakers/kit';
import type { Router } from 'express';
import type { UserDeps } from '../../user.deps';
import { listUsers } from './list-users.use-case';

export function serveListUsers(router: Router, deps: UserDeps): void {
  handle(router, listUsersRoute, async ({ query }) => ({ status: 200, body: await listUsers(deps, query) }));
}
