import { type RouteResult, withIdempotency } from '@sneakers/shared';
import type { UserServiceDeps } from '../../../deps';
import { newBuyer, newSeller, normalizeEmail } from '../../domain/user';
import { registerUser } from '../../register-user';
import { toUserView } from '../../user.view';

export type SignUpCommand =
  | { role: 'BUYER'; email: string; password: string }
  | { role: 'SELLER'; email: string; password: string; storeName: string };

type Deps = Pick<UserServiceDeps, 'runInTransaction' | 'passwords' | 'now'>;

export async function signUp(
  deps: Deps,
  command: SignUpCommand,
  idempotencyKey: string | undefined,
): Promise<RouteResult> {
  const email = normalizeEmail(command.email);
  const { password, ...rest } = command;
  // Hashed before the transaction opens, so no connection is held during ~100 ms of scrypt.
  const passwordHash = await deps.passwords.hash(password);
  return withIdempotency(
    deps.runInTransaction,
    {
      // The caller is anonymous, so there is no user to scope keys by. The email is the one thing a
      // retry repeats and a stranger cannot share without asking for the very same account.
      scope: `sign-up:${email}`,
      key: idempotencyKey,
      fingerprint: idempotencyKey && { ...rest, email, password: await deps.passwords.fingerprint(password, email) },
    },
    async (tx) => {
      const now = deps.now();
      const user =
        command.role === 'SELLER'
          ? newSeller({ email, passwordHash, storeName: command.storeName }, now)
          : newBuyer({ email, passwordHash }, now);
      await registerUser(tx, user);
      return { status: 201, body: toUserView(user) };
    },
  );
}
