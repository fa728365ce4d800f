import type { SqlReader, TransactionRunner } from '@sneakers/kit';
import type { Tx } from '../prisma';
import type { WalletLimits } from './domain/wallet-limits';

/** What the wallet's endpoints need from the running service. */
export interface WalletDeps {
  runInTransaction: TransactionRunner<Tx>;
  /** Reads of one statement, which need no transaction of their own (the service's client). */
  reads: SqlReader;
  limits: WalletLimits;
}
