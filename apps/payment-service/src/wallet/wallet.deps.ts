import type { TransactionRunner } from '@sneakers/shared';
import type { Tx } from '../prisma';
import type { WalletLimits } from './domain/wallet-limits';

/** What the wallet's endpoints need from the running service. */
export interface WalletDeps {
  runInTransaction: TransactionRunner<Tx>;
  limits: WalletLimits;
}
