import type pg from 'pg';
import { HttpErrors } from '../errors/common-errors';
import { pgSqlExecutor } from './pg-sql-executor';
import type { SqlExecutor, TransactionRunner } from './sql-executor';
import { DEFAULT_TRANSACTION_LIMITS, type TransactionLimits } from './transaction-runner';

/**
 * Runs work in one transaction on a pg client of `pool`, with the limits Prisma's interactive
 * transactions have: a transaction that found no free connection within `maxWaitMs` is a 503 the
 * caller may retry, and one that runs past `timeoutMs` is rolled back. The server cancels a single
 * statement that runs longer (a lock wait, say) itself, so no lock outlives the limit by long.
 */
export function pgTransactionRunner(
  pool: pg.Pool,
  { maxWaitMs, timeoutMs }: TransactionLimits = DEFAULT_TRANSACTION_LIMITS,
): TransactionRunner<SqlExecutor> {
  const begin = `BEGIN; SET LOCAL statement_timeout = ${Math.ceil(timeoutMs)}`;
  return async (work) => {
    const client = await connectWithin(pool, maxWaitMs);
    const deadline = Date.now() + timeoutMs;
    const withinTime = () => {
      if (Date.now() > deadline) throw new Error(`transaction timed out after ${timeoutMs} ms and was rolled back`);
    };
    let broken: Error | undefined;
    try {
      await client.query(begin);
      const result = await work(
        pgSqlExecutor({
          query: (statement) => {
            withinTime();
            return client.query(statement);
          },
        }),
      );
      withinTime();
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // A ROLLBACK that fails means a broken connection: the pool must not hand it out again.
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw error;
    } finally {
      client.release(broken);
    }
  };
}

/** A client within `maxWaitMs`, or a 503; a client that comes later goes straight back. */
async function connectWithin(pool: pg.Pool, maxWaitMs: number): Promise<pg.PoolClient> {
  const connecting = pool.connect();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(HttpErrors.busy()), maxWaitMs);
  });
  try {
    return await Promise.race([connecting, late]);
  } catch (error) {
    connecting.then(
      (client) => client.release(),
      () => undefined,
    );
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
