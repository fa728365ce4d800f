import type { TransactionRunner } from '@sneakers/shared';
import type { Tx } from '../prisma';
import type { OrderWaiter } from './waiting/order-waiter';

/** What the order endpoints need from the running service. */
export interface OrderDeps {
  runInTransaction: TransactionRunner<Tx>;
  waiter: OrderWaiter;
}
