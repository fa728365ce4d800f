import { createHash } from 'node:crypto';
import type { RouteResult } from '../api';
import type { SqlExecutor, TransactionRunner } from '../db';
import { AppError } from '../errors';

export interface IdempotentRequest {
  /** Whose key space: keys are per user, so two users never collide. */
  scope: string;
  key: string | undefined;
  /** What the request asked for (method, path, body): the same key with another ask is refused. */
  fingerprint: unknown;
}

export const IdempotencyErrors = {
  keyReused: () =>
    new AppError('IDEMPOTENCY.KEY_REUSED', 422, 'Idempotency-Key reused', {
      detail: 'This key was already used for a different request; use a new key.',
    }),
} as const;

/**
 * Runs `work` at most once per key, Stripe style: the first request runs and its response is stored
 * in the same transaction as its effect; a repeat gets that response back (`Idempotent-Replayed`).
 * A concurrent repeat waits on the key's row until the first commits, then replays. A request that
 * failed wrote nothing, its key included, so it may be retried.
 */
export async function withIdempotency<Tx extends SqlExecutor>(
  runInTransaction: TransactionRunner<Tx>,
  request: IdempotentRequest,
  work: (tx: Tx) => Promise<RouteResult>,
): Promise<RouteResult> {
  const { key, scope } = request;
  if (key === undefined) return runInTransaction(work);
  const fingerprint = createHash('sha256').update(JSON.stringify(request.fingerprint)).digest('hex');
  return runInTransaction(async (tx) => {
    const claimed = await tx.$executeRawUnsafe(
      'INSERT INTO idempotency_keys (scope, key, fingerprint) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      scope,
      key,
      fingerprint,
    );
    if (claimed === 0) return replay(tx, scope, key, fingerprint);
    const result = await work(tx);
    await tx.$executeRawUnsafe(
      'UPDATE idempotency_keys SET status = $3, response = $4::jsonb WHERE scope = $1 AND key = $2',
      scope,
      key,
      result.status,
      JSON.stringify(result.body ?? null),
    );
    return result;
  });
}

async function replay(tx: SqlExecutor, scope: string, key: string, fingerprint: string): Promise<RouteResult> {
  const [stored] = await tx.$queryRawUnsafe<Array<{ fingerprint: string; status: number; response: unknown }>>(
    'SELECT fingerprint, status, response FROM idempotency_keys WHERE scope = $1 AND key = $2',
    scope,
    key,
  );
  if (!stored || stored.fingerprint !== fingerprint) throw IdempotencyErrors.keyReused();
  return {
    status: stored.status,
    body: stored.response ?? undefined,
    headers: { 'Idempotent-Replayed': 'true' },
  };
}
