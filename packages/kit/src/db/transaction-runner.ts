import { HttpErrors } from '../errors/common-errors';
import type { SqlExecutor, TransactionRunner } from './sql-executor';

/** The part of a generated Prisma client that opens interactive transactions. */
export interface TransactionalClient<Tx extends SqlExecutor> {
  $transaction: <R>(work: (tx: Tx) => Promise<R>, options?: { maxWait?: number; timeout?: number }) => Promise<R>;
}

export interface TransactionLimits {
  /** How long a transaction may wait for a free connection. */
  maxWaitMs: number;
  /** How long it may run once it has one. */
  timeoutMs: number;
}

export const DEFAULT_TRANSACTION_LIMITS: TransactionLimits = { maxWaitMs: 10_000, timeoutMs: 15_000 };

/**
 * Runs work in one Prisma interactive transaction. When a crowd keeps every connection busy for
 * longer than `maxWaitMs`, the caller gets a 503 it can retry (with the same Idempotency-Key), not
 * a 500: nothing was written, and the service is not broken, only full. A transaction that lost its
 * database fails with the database's own error, which HTTP answers as a 503 too (problemMiddleware),
 * as it does for a read outside a transaction, and a consumer retries (isTransientDatabaseError).
 */
export function prismaTransactionRunner<Tx extends SqlExecutor>(
  prisma: TransactionalClient<Tx>,
  { maxWaitMs, timeoutMs }: TransactionLimits = DEFAULT_TRANSACTION_LIMITS,
): TransactionRunner<Tx> {
  return async (work) => {
    try {
      return await prisma.$transaction(work, { maxWait: maxWaitMs, timeout: timeoutMs });
    } catch (error) {
      if (noConnectionInTime(error)) throw HttpErrors.busy({ cause: error });
      throw error;
    }
  };
}

// P2028 covers every misuse of the transaction API; only this message means "never started".
const noConnectionInTime = (error: unknown) => {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === 'P2028' && typeof message === 'string' && message.includes('Unable to start a transaction');
};
