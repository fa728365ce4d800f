import type { ChangeWaiter, SqlReader, TransactionRunner } from '@sneakers/kit';
import type { Tx } from '../prisma';
import type { SagaOutcomes } from './saga-outcomes';

/** What the order endpoints need from the running service. */
export interface OrderDeps {
  runInTransaction: TransactionRunner<Tx>;
  /** Reads of one statement, which need no transaction of their own (the service's client). */
  reads: SqlReader;
  waiter: ChangeWaiter;
  /** Where a buyer's cancel is reported as an ended checkout. */
  outcomes?: SagaOutcomes;
}
