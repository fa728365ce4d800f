import type { TransactionRunner } from '@sneakers/kit';
import type { Clock } from '../clock';
import type { Tx } from '../prisma';
import type { Ledger } from './claim-ledger/ledger';
import type { ClaimResults } from './use-cases/claim-coupon/claim-results';

/** What coupon-service's endpoints need from the running service. */
export interface CouponDeps {
  runInTransaction: TransactionRunner<Tx>;
  ledger: Ledger;
  clock: Clock;
  claimResults: ClaimResults;
}
