import { AppError } from '@sneakers/kit';
import { newAdmin, normalizeEmail, type User } from '../../domain/user';
import { registerUser } from '../../register-user';
import type { UserDeps } from '../../user.deps';
import { findUserByEmail } from '../../user.repository';

type Deps = Pick<UserDeps, 'db' | 'runInTransaction' | 'passwords' | 'now'>;

/** An ADMIN_EMAIL held by a buyer or seller would leave the platform without the admin it expects. */
function existing(user: User): 'exists' {
  if (user.role !== 'ADMIN') throw new Error(`ADMIN_EMAIL ${user.email} belongs to a ${user.role}, not an admin`);
  return 'exists';
}

/**
 * The first admin, from ADMIN_EMAIL / ADMIN_PASSWORD on every start. Idempotent: once the account
 * exists nothing changes, not even its password (change that through the account, not the env).
 */
export async function seedAdmin(
  deps: Deps,
  credentials: { email: string; password: string },
): Promise<'created' | 'exists'> {
  const email = normalizeEmail(credentials.email);
  const found = await findUserByEmail(deps.db, email);
  if (found) return existing(found);
  const admin = newAdmin({ email, passwordHash: await deps.passwords.hash(credentials.password) }, deps.now());
  try {
    await deps.runInTransaction((tx) => registerUser(tx, admin));
    return 'created';
  } catch (error) {
    // Another instance seeded between our read and our insert.
    const winner =
      error instanceof AppError && error.code === 'USER.EMAIL_TAKEN' && (await findUserByEmail(deps.db, email));
    if (winner) return existing(winner);
    throw error;
  }
}
