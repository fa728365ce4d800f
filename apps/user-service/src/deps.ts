import type { TransactionRunner } from '@sneakers/shared';
import type { PasswordHasher } from './auth/password-hasher';
import type { SigningKeys } from './auth/signing-keys';
import type { Tx } from './prisma';

/** What the use cases need from the outside world; each takes only its slice. */
export interface UserServiceDeps {
  /** For reads outside a transaction (the Prisma client itself). */
  db: Tx;
  runInTransaction: TransactionRunner<Tx>;
  passwords: PasswordHasher;
  signingKeys: SigningKeys;
  refreshTokenTtlSeconds: number;
  now: () => Date;
}
