import type { UserView } from '@sneakers/shared';
import { decodeCursor, instant, type Page, type Role, type SellerStatus, toPage } from '@sneakers/shared';
import { z } from 'zod';
import type { UserServiceDeps } from '../../../deps';
import { listUsers as findUsers } from '../../user.repository';
import { toUserView } from '../../user.view';

export interface ListUsersQuery {
  role?: Role;
  sellerStatus?: SellerStatus;
  limit: number;
  cursor?: string;
}

/** The last row of a page; the next page starts strictly after it in (created_at, id) descending order. */
const position = z.strictObject({ createdAt: instant(), id: z.uuid() });

export async function listUsers(deps: Pick<UserServiceDeps, 'db'>, query: ListUsersQuery): Promise<Page<UserView>> {
  const after = query.cursor ? decodeCursor(query.cursor, position) : undefined;
  const users = await findUsers(deps.db, {
    role: query.role,
    sellerStatus: query.sellerStatus,
    after: after && { createdAt: new Date(after.createdAt), id: after.id },
    take: query.limit + 1,
  });
  return toPage(users, query.limit, toUserView, (user) => ({ createdAt: user.createdAt.toISOString(), id: user.id }));
}
