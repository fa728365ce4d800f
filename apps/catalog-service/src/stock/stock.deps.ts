import type { TransactionRunner } from '@sneakers/kit';
import type { Tx } from '../prisma';

/** What the stock endpoints need from the running service. */
export interface StockDeps {
  runInTransaction: TransactionRunner<Tx>;
}
