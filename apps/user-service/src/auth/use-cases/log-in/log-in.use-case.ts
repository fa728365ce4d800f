import { randomUUID } from 'node:crypto';
import type { TokenPairView } from '@sneakers/contracts';
import { normalizeEmail } from '../../../user/domain/user';
import { UserErrors } from '../../../user/domain/user.errors';
import { findUserByEmail } from '../../../user/user.repository';
import type { AuthDeps } from '../../auth.deps';
import { issueTokenPair } from '../../token-pair';

type Deps = Pick<AuthDeps, 'db' | 'passwords' | 'signingKeys' | 'refreshTokenTtlSeconds' | 'now'>;

/** Suspended and pending sellers may log in: their token says so, and seller routes refuse them. */
export async function logIn(deps: Deps, credentials: { email: string; password: string }): Promise<TokenPairView> {
  const user = await findUserByEmail(deps.db, normalizeEmail(credentials.email));
  const valid = await deps.passwords.verify(credentials.password, user?.passwordHash);
  if (!user || !valid) throw UserErrors.invalidCredentials();
  return issueTokenPair(deps.db, deps, user, randomUUID(), deps.now());
}
