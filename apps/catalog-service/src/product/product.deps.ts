import type { SqlExecutor, TransactionRunner } from '@sneakers/kit';
import type { PrismaClient } from '../generated/prisma/client';
import type { Tx } from '../prisma';

/** What the product endpoints need from the running service. */
export interface ProductDeps {
  runInTransaction: TransactionRunner<Tx>;
  /** Reads of one statement, which need no transaction of their own. */
  reads: SqlExecutor;
  /** The listing, whose filters Prisma's model API composes. */
  prisma: Pick<PrismaClient, 'product'>;
}
