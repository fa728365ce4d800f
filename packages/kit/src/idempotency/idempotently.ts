import type { RouteResult } from '../api/route-result';
import type { SqlExecutor, TransactionRunner } from '../db';
import type { IdempotentRequest } from './idempotent-request';
import { withIdempotency } from './with-idempotency';

/**
 * One request's idempotency, bound to its key and fingerprint by the route handler: an idempotent
 * route's use case runs its effect through it, and may do what must stay outside the transaction
 * (waiting, Redis, a trace) before or after.
 */
export interface Idempotently<Tx extends SqlExecutor> {
  /**
   * Runs `work` in one transaction, at most once per key: its answer is stored with its effect,
   * and a repeat gets that answer back instead. Without a key, just the transaction.
   */
  (work: (tx: Tx) => Promise<RouteResult>): Promise<RouteResult>;
  /**
   * For a repeat recognised before any work: the answer stored under this key (waiting for a first
   * request still running to commit); without one, or without a key, `refusal` is thrown.
   */
  replayOr(refusal: Error): Promise<RouteResult>;
}

/** `request` is undefined when the caller sent no Idempotency-Key. */
export function idempotently<Tx extends SqlExecutor>(
  runInTransaction: TransactionRunner<Tx>,
  request: IdempotentRequest | undefined,
): Idempotently<Tx> {
  if (request === undefined) {
    return Object.assign((work: (tx: Tx) => Promise<RouteResult>) => runInTransaction(work), {
      replayOr: (refusal: Error) => Promise.reject(refusal),
    });
  }
  return Object.assign((work: (tx: Tx) => Promise<RouteResult>) => withIdempotency(runInTransaction, request, work), {
    replayOr: (refusal: Error) => withIdempotency(runInTransaction, request, () => Promise.reject(refusal)),
  });
}
