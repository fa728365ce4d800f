import type { UserView } from '@sneakers/contracts';
import { UserErrors } from '../../domain/user.errors';
import type { UserDeps } from '../../user.deps';
import { findUserById } from '../../user.repository';
import { toUserView } from '../../user.views';

export async function getMe(deps: Pick<UserDeps, 'db'>, userId: string): Promise<UserView> {
  const user = await findUserById(deps.db, userId);
  if (!user) throw UserErrors.notFound(userId);
  return toUserView(user);
}
