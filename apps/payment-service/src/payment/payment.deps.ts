import type { ChangeWaiter, SqlReader, TransactionRunner } from '@sneakers/kit';
import type { Tx } from '../prisma';

/** What the payment endpoints need from the running service. */
export interface PaymentDeps {
  runInTransaction: TransactionRunner<Tx>;
  /** Reads of one statement, which need no transaction of their own. */
  reads: SqlReader;
  /** Woken when an order's payable row changes (PAYABLE_ORDER_CHANNEL). */
  waiter: ChangeWaiter;
  orderWaitMs: number;
}
