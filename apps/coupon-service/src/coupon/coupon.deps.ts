import type { TransactionRunner } from '@sneakers/shared';
import type { Clock } from '../clock';
import type { Tx } from '../prisma';
import type { ClaimLedger } from './claim-ledger/claim-ledger';

/** What coupon-service's endpoints need from the running service. */
export interface CouponDeps {
  runInTransaction: TransactionRunner<Tx>;
  ledger: ClaimLedger;
  clock: Clock;
}
