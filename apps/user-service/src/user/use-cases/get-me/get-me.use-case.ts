import type { UserView } from '@sneakers/shared';
import type { UserServiceDeps } from '../../../deps';
import { UserErrors } from '../../domain/user.errors';
import { findUserById } from '../../user.repository';
import { toUserView } from '../../user.view';

export async function getMe(deps: Pick<UserServiceDeps, 'db'>, userId: string): Promise<UserView> {
  const user = await findUserById(deps.db, userId);
  if (!user) throw UserErrors.notFound(userId);
  return toUserView(user);
}
