// adapter-pg as the schema engine needs it. The adapter is written for Prisma Client, and two of
// its habits break the engine; both are corrected here, on adapters that only the engine uses.
import { PrismaPg } from '@prisma/adapter-pg';
import { ColumnTypeEnum, type SqlDriverAdapter } from '@prisma/driver-adapter-utils';

type PgQueryResult = { fields: { dataTypeID: number }[]; rows: unknown[] };
// A script of several statements gives one result per statement.
type PgInternals = { performIO(query: unknown): Promise<PgQueryResult | PgQueryResult[]> };

const pgCharOid = 18;
const pgTextOid = 25;

export async function openPgAdapter(url: string): Promise<SqlDriverAdapter> {
  const adapter = await new PrismaPg({ connectionString: url }).connect();
  reportCharAsCharacter(adapter);
  runScriptsWhole(adapter);
  return adapter;
}

// The engine reads pg_catalog columns of the internal one-byte type "char" (relkind, contype…) when
// it describes a database, and expects them typed as Character, as the native engine reports them
// (it panics on a CHECK constraint's contype otherwise). adapter-pg has no mapping for OID 18 and
// throws before queryRaw returns, so performIO hides the OID and queryRaw puts Character back.
function reportCharAsCharacter(adapter: SqlDriverAdapter): void {
  const internals = adapter as unknown as PgInternals;
  if (typeof internals.performIO !== 'function') {
    throw new Error('@prisma/adapter-pg internals changed: performIO is gone; revisit pg-adapter.ts');
  }
  // Keyed by the rows array, which queryRaw passes through as is: the engine runs queries
  // concurrently, so "the columns of the last query" would race.
  const charColumns = new WeakMap<unknown[], number[]>();
  const performIO = internals.performIO.bind(adapter);
  internals.performIO = async (query) => {
    const result = await performIO(query);
    if (Array.isArray(result)) return result;
    const columns: number[] = [];
    for (const [index, field] of result.fields.entries()) {
      if (field.dataTypeID !== pgCharOid) continue;
      field.dataTypeID = pgTextOid;
      columns.push(index);
    }
    if (columns.length > 0) charColumns.set(result.rows, columns);
    return result;
  };
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumns.get(result.rows) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
}

// The engine hands each migration to executeScript whole, and adapter-pg splits it on every ";",
// even inside comments, string literals and dollar-quoted bodies. Without parameters, pg sends the
// text as one simple query, which PostgreSQL parses itself and runs as one implicit transaction:
// what the native engine does, so a migration behaves the same under `prisma migrate deploy`
// (atomic, and CREATE INDEX CONCURRENTLY needs a migration of its own).
function runScriptsWhole(adapter: SqlDriverAdapter): void {
  adapter.executeScript = async (script) => {
    await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
  };
}
