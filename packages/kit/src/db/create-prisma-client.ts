import { PrismaPg } from '@prisma/adapter-pg';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { guardedPool } from './guarded-pool';

type ClientWithAdapter<C> = new (options: { adapter: PrismaPg }) => C;

/** A service's database: its Prisma client, and the pg pool under it for the raw-SQL hot paths. */
export interface ServiceDatabase<C> {
  prisma: C;
  /** Shared with `prisma`, so one budget of connections serves both; `closeServiceDatabase` ends both. */
  pool: Pool;
}

/**
 * A service's generated Prisma client on the pg driver adapter (no native engine needed), over a
 * pool whose clients are never without an error listener (see guardedPool). The adapter already
 * survives a dropped connection, idle or inside a transaction (the pool replaces it); the logger
 * makes the drop visible.
 */
export function createServiceDatabase<C>(
  Client: ClientWithAdapter<C>,
  connectionString: string,
  { max = 10, logger }: { max?: number; logger?: Logger } = {},
): ServiceDatabase<C> {
  const pool = guardedPool({ connectionString, max }, (error) =>
    logger?.warn({ err: error }, 'database connection lost'),
  );
  return { prisma: new Client({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) }), pool };
}

/** `createServiceDatabase` for where only the Prisma client is wanted. */
export function createPrismaClient<C>(
  Client: ClientWithAdapter<C>,
  connectionString: string,
  options: { max?: number; logger?: Logger } = {},
): C {
  return createServiceDatabase(Client, connectionString, options).prisma;
}

/**
 * Prisma ends the pool under it only if it ever connected; a service whose work all runs on pg
 * may never have used it, and the pool's idle connections would outlive the database they are to.
 */
export async function closeServiceDatabase({
  prisma,
  pool,
}: ServiceDatabase<{ $disconnect: () => Promise<void> }>): Promise<void> {
  await prisma.$disconnect();
  if (!pool.ending) await pool.end();
}
