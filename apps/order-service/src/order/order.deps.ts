import type { ChangeWaiter, TransactionRunner } from '@sneakers/shared';
import type { Tx } from '../prisma';
import type { SagaOutcomes } from './saga-outcomes';

/** What the order endpoints need from the running service. */
export interface OrderDeps {
  runInTransaction: TransactionRunner<Tx>;
  waiter: ChangeWaiter;
  /** Where a buyer's cancel is reported as an ended checkout. */
  outcomes?: SagaOutcomes;
}
