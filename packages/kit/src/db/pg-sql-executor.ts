import pg from 'pg';
import type { SqlExecutor } from './sql-executor';

/** What `pgSqlExecutor` runs statements on: a pool, or one client holding a transaction. */
export interface PgQueryable {
  query(config: pg.QueryConfig): Promise<pg.QueryResult>;
}

// The values Prisma's raw queries return, so a repository reads the same row through either:
// int8 as BigInt, and `timestamp`/`date` without a zone as UTC (pg would read them as local time).
const INT8 = 20;
const INT8_ARRAY = 1016;
const TIMESTAMP = 1114;
const DATE = 1082;
const pgParser = pg.types.getTypeParser as (oid: number, format?: string) => (text: string) => unknown;
const parseBigInt = (text: string) => BigInt(text);
const parseTextArray = pgParser(INT8_ARRAY) as (text: string) => string[];
const prismaLikeTypes = {
  getTypeParser: (oid: number, format?: string) => {
    if (oid === INT8) return parseBigInt;
    if (oid === INT8_ARRAY) return (text: string) => parseTextArray(text).map(parseBigInt);
    if (oid === TIMESTAMP) return (text: string) => new Date(`${text.replace(' ', 'T')}Z`);
    if (oid === DATE) return (text: string) => new Date(`${text}T00:00:00Z`);
    return pgParser(oid, format);
  },
} as pg.CustomTypesConfig;

// Statement texts are written in code, so there are few; text built from data would not be, hence
// the bound (beyond it, a statement runs unnamed, as before).
const MOST_NAMED_STATEMENTS = 1_000;
const statementNames = new Map<string, string>();
let namingStatements = true;

/**
 * For a process whose databases are PGlite (the embedded mode): PGlite is one session shared by all
 * of its connections, so a statement one connection prepared by name would already exist for the
 * next, which would then fail to prepare it. There, statements run unnamed.
 */
export function stopNamingStatements(): void {
  namingStatements = false;
}

/**
 * A name for each distinct statement text: pg prepares a named statement once per connection, and
 * from then on PostgreSQL only binds and runs it, instead of parsing and planning it every time.
 */
function nameOf(text: string): string | undefined {
  if (!namingStatements) return undefined;
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < MOST_NAMED_STATEMENTS) {
    name = `kit_${statementNames.size}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * The kit's `SqlExecutor` straight on pg. A statement through Prisma's raw API costs about three
 * times the client CPU of the same statement through pg (0.30 against 0.09 ms, measured in
 * bench/README.md), so the hot paths, which are raw SQL already, run here.
 */
export function pgSqlExecutor(db: PgQueryable): SqlExecutor {
  const run = (text: string, values: unknown[]) =>
    db.query({ name: nameOf(text), text, values, types: prismaLikeTypes });
  return {
    $queryRawUnsafe: async <T>(text: string, ...values: unknown[]) => (await run(text, values)).rows as T,
    $executeRawUnsafe: async (text: string, ...values: unknown[]) => (await run(text, values)).rowCount ?? 0,
  };
}
