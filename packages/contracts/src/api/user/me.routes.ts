import type { PlatformRoute } from '../platform-route';
import { userView } from './user.schemas';

export const getMeRoute = {
  service: 'user-service',
  method: 'get',
  path: '/users/me',
  summary: 'The signed-in account (sellers see their approval status here, even unapproved)',
  tag: 'users',
  access: 'authenticated',
  responses: {
    200: { description: 'The caller.', schema: userView },
    401: { description: 'No valid access token.' },
    404: { description: 'The account no longer exists (USER.NOT_FOUND).' },
  },
} satisfies PlatformRoute;
