import { pageQuery, pageSchema } from '@sneakers/kit';
import { ROLES, SELLER_STATUSES } from '@sneakers/kit/identity';
import { z } from 'zod';
import type { PlatformRoute } from '../platform-route';
import { userView } from './user.schemas';

export const listUsersRoute = {
  service: 'user-service',
  method: 'get',
  path: '/admin/users',
  summary: 'List accounts, newest first, by role and seller status',
  tag: 'admin',
  access: ['ADMIN'],
  query: pageQuery.extend({ role: z.enum(ROLES).optional(), sellerStatus: z.enum(SELLER_STATUSES).optional() }),
  responses: {
    200: { description: 'One page.', schema: pageSchema(userView) },
    400: { description: 'Invalid filter or cursor.' },
    401: { description: 'No valid access token.' },
    403: { description: 'Not an admin.' },
  },
} satisfies PlatformRoute;

const sellerDecision = (decision: 'approve' | 'suspend', summary: string) =>
  ({
    service: 'user-service',
    method: 'post',
    path: `/admin/sellers/{sellerId}/${decision}`,
    summary,
    tag: 'admin',
    access: ['ADMIN'],
    idempotent: true,
    params: z.strictObject({ sellerId: z.uuid() }),
    responses: {
      200: { description: 'The seller, in its new (or unchanged) status.', schema: userView },
      400: { description: 'Invalid seller id or Idempotency-Key.' },
      401: { description: 'No valid access token.' },
      403: { description: 'Not an admin.' },
      404: { description: 'No such user (USER.NOT_FOUND).' },
      409: { description: 'The user is not a seller (USER.NOT_A_SELLER).' },
      422: { description: 'The Idempotency-Key was used for a different request.' },
    },
  }) satisfies PlatformRoute;

export const approveSellerRoute = sellerDecision('approve', 'Approve a seller: it may list products and coupons');
export const suspendSellerRoute = sellerDecision('suspend', 'Suspend a seller: it may no longer sell');
