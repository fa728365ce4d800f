import type { TransactionRunner } from '@sneakers/kit';
import type { Tx } from '../prisma';
import type { PasswordHasher } from './password-hasher';
import type { SigningKeys } from './signing-keys';

/** What the auth endpoints need from the running service; each use case takes only its slice. */
export interface AuthDeps {
  /** For reads outside a transaction (the Prisma client itself). */
  db: Tx;
  runInTransaction: TransactionRunner<Tx>;
  passwords: PasswordHasher;
  signingKeys: SigningKeys;
  refreshTokenTtlSeconds: number;
  now: () => Date;
}
