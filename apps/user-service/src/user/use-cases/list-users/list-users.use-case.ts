import type { UserView } from '@sneakers/contracts';
import { keysetPage, newestFirst, type Page, type PageRequest, type Role, type SellerStatus } from '@sneakers/kit';
import type { UserDeps } from '../../user.deps';
import { listUsers as findUsers } from '../../user.repository';
import { toUserView } from '../../user.views';

export interface ListUsersQuery extends PageRequest {
  role?: Role;
  sellerStatus?: SellerStatus;
}

/** Users newest first by (created_at, id), of one role or seller status when asked. */
export async function listUsers(deps: Pick<UserDeps, 'db'>, query: ListUsersQuery): Promise<Page<UserView>> {
  const page = await keysetPage(query, newestFirst('createdAt'), (window) =>
    findUsers(deps.db, { ...window, role: query.role, sellerStatus: query.sellerStatus }),
  );
  return { ...page, items: page.items.map(toUserView) };
}
