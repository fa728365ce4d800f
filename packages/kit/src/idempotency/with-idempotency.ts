import { createHash } from 'node:crypto';
import { JSON_CONTENT_TYPE, type RouteResult } from '../api/route-result';
import type { SqlExecutor, TransactionRunner } from '../db';
import { AppError } from '../errors';
import type { IdempotentRequest } from './idempotent-request';

export const IdempotencyErrors = {
  keyReused: () =>
    new AppError('IDEMPOTENCY.KEY_REUSED', 422, 'Idempotency-Key reused', {
      detail: 'This key was already used for a different request; use a new key.',
    }),
} as const;

/**
 * Runs `work` at most once per key, Stripe style: the first request runs and its answer (status,
 * headers, body) is stored in the same transaction as its effect; a repeat gets that answer back
 * (`Idempotent-Replayed`). A concurrent repeat waits on the key's row until the first commits, then
 * replays. A request that failed wrote nothing, its key included, so it may be retried.
 */
export async function withIdempotency<Tx extends SqlExecutor>(
  runInTransaction: TransactionRunner<Tx>,
  { scope, key, fingerprint }: IdempotentRequest,
  work: (tx: Tx) => Promise<RouteResult>,
): Promise<RouteResult> {
  const digest = createHash('sha256').update(fingerprint).digest('hex');
  return runInTransaction(async (tx) => {
    const claimed = await tx.$executeRawUnsafe(
      'INSERT INTO idempotency_keys (scope, key, fingerprint) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      scope,
      key,
      digest,
    );
    if (claimed === 0) return replay(tx, scope, key, digest);
    const result = await work(tx);
    // ::json keeps the body's text as it is, so the replay is byte for byte the first answer.
    await tx.$executeRawUnsafe(
      'UPDATE idempotency_keys SET status = $3, response = $4::json, headers = $5::jsonb WHERE scope = $1 AND key = $2',
      scope,
      key,
      result.status,
      JSON.stringify(result.body ?? null),
      JSON.stringify(storedHeaders(result)),
    );
    return result;
  });
}

/** The answer's own headers (Location, …) and the Content-Type its JSON body goes out with. */
function storedHeaders({ body, headers }: RouteResult): Record<string, string> {
  return body === undefined ? { ...headers } : { 'Content-Type': JSON_CONTENT_TYPE, ...headers };
}

interface StoredAnswer {
  fingerprint: string;
  status: number;
  response: unknown;
  /** Null on rows stored before headers were kept. */
  headers: Record<string, string> | null;
}

async function replay(tx: SqlExecutor, scope: string, key: string, digest: string): Promise<RouteResult> {
  const [stored] = await tx.$queryRawUnsafe<StoredAnswer[]>(
    'SELECT fingerprint, status, response, headers FROM idempotency_keys WHERE scope = $1 AND key = $2',
    scope,
    key,
  );
  if (!stored || stored.fingerprint !== digest) throw IdempotencyErrors.keyReused();
  return {
    status: stored.status,
    body: stored.response ?? undefined,
    headers: { ...stored.headers, 'Idempotent-Replayed': 'true' },
  };
}
