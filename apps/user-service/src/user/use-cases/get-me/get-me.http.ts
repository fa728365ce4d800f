import { getMeRoute, handle } from '@sneakers/shared';
import type { Router } from 'express';
import type { UserServiceDeps } from '../../../deps';
import { getMe } from './get-me.use-case';

export function getMeHttp(router: Router, deps: UserServiceDeps): void {
  handle(router, getMeRoute, async ({ identity }) => ({
    status: 200,
    body: await getMe(deps, identity.userId),
  }));
}
