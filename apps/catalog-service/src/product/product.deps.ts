import type { TransactionRunner } from '@sneakers/kit';
import type { Tx } from '../prisma';

/** What the product endpoints need from the running service. */
export interface ProductDeps {
  runInTransaction: TransactionRunner<Tx>;
}
