import { PrismaPg } from '@prisma/adapter-pg';
import type { Logger } from 'pino';
import { guardedPool } from './guarded-pool';

type ClientWithAdapter<C> = new (options: { adapter: PrismaPg }) => C;

/**
 * A service's generated Prisma client on the pg driver adapter (no native engine needed), over a
 * pool whose clients are never without an error listener (see guardedPool). The adapter already
 * survives a dropped connection, idle or inside a transaction (the pool replaces it); the logger
 * makes the drop visible.
 */
export function createPrismaClient<C>(
  Client: ClientWithAdapter<C>,
  connectionString: string,
  { max = 10, logger }: { max?: number; logger?: Logger } = {},
): C {
  const pool = guardedPool({ connectionString, max }, (error) =>
    logger?.warn({ err: error }, 'database connection lost'),
  );
  return new Client({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
}
