import { signUpBuyerRoute, signUpSellerRoute } from '@sneakers/contracts';
import { handleIdempotent, type Idempotently, type RouteResult } from '@sneakers/kit';
import type { Router } from 'express';
import type { Tx } from '../../../prisma';
import { normalizeEmail } from '../../domain/user';
import type { UserDeps } from '../../user.deps';
import { toUserView } from '../../user.views';
import { hashSignUp, type SignUpCommand, signUp } from './sign-up.use-case';

export function serveSignUp(router: Router, deps: UserDeps): void {
  const idempotency = signUpIdempotency(deps);
  handleIdempotent(
    router,
    signUpBuyerRoute,
    deps.runInTransaction,
    ({ body, idempotently }) => answer(deps, { role: 'BUYER', ...body }, idempotently),
    idempotency,
  );
  handleIdempotent(
    router,
    signUpSellerRoute,
    deps.runInTransaction,
    ({ body, idempotently }) => answer(deps, { role: 'SELLER', ...body }, idempotently),
    idempotency,
  );
}

async function answer(deps: UserDeps, command: SignUpCommand, idempotently: Idempotently<Tx>): Promise<RouteResult> {
  const hashed = await hashSignUp(deps, command);
  return idempotently(async (tx) => ({ status: 201, body: toUserView(await signUp(tx, deps, hashed)) }));
}

/**
 * The caller is anonymous, so there is no user to scope keys by: the email is the one thing a retry
 * repeats and a stranger cannot share without asking for the very same account. The fingerprint
 * holds a slow, salted digest of the password instead of the password (see passwords.fingerprint).
 */
function signUpIdempotency({ passwords }: Pick<UserDeps, 'passwords'>) {
  return {
    principal: ({ body }: { body: { email: string } }) => normalizeEmail(body.email),
    conceal: async (body: { email: string; password: string }) => ({
      ...body,
      password: await passwords.fingerprint(body.password, normalizeEmail(body.email)),
    }),
  };
}
