import type { TransactionRunner } from '@sneakers/kit';
import type { PasswordHasher } from '../auth/password-hasher';
import type { Tx } from '../prisma';

/** What the user endpoints need from the running service; each use case takes only its slice. */
export interface UserDeps {
  /** For reads outside a transaction (the Prisma client itself). */
  db: Tx;
  runInTransaction: TransactionRunner<Tx>;
  passwords: PasswordHasher;
  now: () => Date;
}
