import type { Tx } from '../../../prisma';
import { newBuyer, newSeller, type User } from '../../domain/user';
import { registerUser } from '../../register-user';
import type { UserDeps } from '../../user.deps';

export type SignUpCommand =
  | { role: 'BUYER'; email: string; password: string }
  | { role: 'SELLER'; email: string; password: string; storeName: string };

/** A sign-up whose password is hashed, ready for its transaction. */
export type HashedSignUp =
  | { role: 'BUYER'; email: string; passwordHash: string }
  | { role: 'SELLER'; email: string; passwordHash: string; storeName: string };

/** The slow half, run before the transaction opens, so no connection is held during ~100 ms of scrypt. */
export async function hashSignUp(
  { passwords }: Pick<UserDeps, 'passwords'>,
  { password, ...command }: SignUpCommand,
): Promise<HashedSignUp> {
  return { ...command, passwordHash: await passwords.hash(password) };
}

/** Creates the account and announces it, in the caller's transaction. */
export async function signUp(tx: Tx, { now }: Pick<UserDeps, 'now'>, command: HashedSignUp): Promise<User> {
  const { email, passwordHash } = command;
  const user =
    command.role === 'SELLER'
      ? newSeller({ email, passwordHash, storeName: command.storeName }, now())
      : newBuyer({ email, passwordHash }, now());
  await registerUser(tx, user);
  return user;
}
