import type { TransactionRunner } from '@sneakers/shared';
import type { Tx } from './prisma';

/** What the catalog's endpoints need from the running service. */
export interface CatalogDeps {
  runInTransaction: TransactionRunner<Tx>;
}
