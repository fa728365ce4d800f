import { handle, listUsersRoute } from '@sneakers/shared';
import type { Router } from 'express';
import type { UserServiceDeps } from '../../../deps';
import { listUsers } from './list-users.use-case';

export function listUsersHttp(router: Router, deps: UserServiceDeps): void {
  handle(router, listUsersRoute, async ({ query }) => ({ status: 200, body: await listUsers(deps, query) }));
}
