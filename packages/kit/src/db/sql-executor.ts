/**
 * The slice of a Prisma (transaction) client the kit needs. Every service's generated client
 * satisfies it, so the kit never depends on one service's schema.
 */
export interface SqlExecutor {
  $executeRawUnsafe(query: string, ...values: unknown[]): PromiseLike<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): PromiseLike<T>;
}

/** What a read of one statement needs: a transaction's executor, or the pool's outside one. */
export type SqlReader = Pick<SqlExecutor, '$queryRawUnsafe'>;

/** Runs `work` in one database transaction (a service passes `fn => prisma.$transaction(fn)`). */
export type TransactionRunner<Tx extends SqlExecutor = SqlExecutor> = <R>(work: (tx: Tx) => Promise<R>) => Promise<R>;
