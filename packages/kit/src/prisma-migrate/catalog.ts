// A plain-SQL description of a database's schema, for comparing two databases without pg_dump
// (no client binaries are guaranteed here) and without the engine's own describer, so the drift
// check does not trust the very engine whose output it is checking.
import { withClient } from './database';

/** Object key (e.g. `column public.outbox.note`) → its definition. */
export type Catalog = Map<string, string>;

// Prisma's ledger differs between a migrated database and a pushed one by design.
const ignoredTables = `('_prisma_migrations')`;

/** SQL condition on `n` (pg_namespace): the schemas users create objects in. */
export const userSchemas = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'`;

// Column order is left out on purpose: a column added by a later migration lands at the end,
// while schema.prisma may list it anywhere, and Prisma itself does not treat that as drift.
const queries: Record<string, string> = {
  table: `
    SELECT n.nspname || '.' || c.relname AS key, CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view'
      WHEN 'p' THEN 'partitioned table' ELSE 'table' END AS def
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm') AND ${userSchemas} AND c.relname NOT IN ${ignoredTables}`,
  column: `
    SELECT n.nspname || '.' || c.relname || '.' || a.attname AS key,
           format_type(a.atttypid, a.atttypmod)
             || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE ' NULL' END
             || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
             || CASE a.attidentity WHEN 'a' THEN ' IDENTITY ALWAYS' WHEN 'd' THEN ' IDENTITY' ELSE '' END
             || CASE a.attgenerated WHEN 's' THEN ' GENERATED' ELSE '' END AS def
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE c.relkind IN ('r', 'p', 'v', 'm') AND a.attnum > 0 AND NOT a.attisdropped
      AND ${userSchemas} AND c.relname NOT IN ${ignoredTables}`,
  index: `
    SELECT schemaname || '.' || tablename || '.' || indexname AS key, indexdef AS def
    FROM pg_indexes
    WHERE schemaname NOT IN ('pg_catalog', 'information_schema') AND tablename NOT IN ${ignoredTables}`,
  constraint: `
    SELECT n.nspname || '.' || c.relname || '.' || k.conname AS key, pg_get_constraintdef(k.oid) AS def
    FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE ${userSchemas} AND c.relname NOT IN ${ignoredTables}`,
  enum: `
    SELECT n.nspname || '.' || t.typname AS key,
           string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) AS def
    FROM pg_type t
    JOIN pg_enum e ON e.enumtypid = t.oid
    JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE ${userSchemas}
    GROUP BY n.nspname, t.typname`,
  sequence: `
    SELECT schemaname || '.' || sequencename AS key,
           data_type::text || ' START ' || start_value || ' INCREMENT ' || increment_by AS def
    FROM pg_sequences
    WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`,
  extension: `
    SELECT extname AS key, '' AS def FROM pg_extension
    WHERE extname <> 'plpgsql'`,
};

export async function describeDatabase(url: string): Promise<Catalog> {
  return withClient(url, async (client) => {
    const catalog: Catalog = new Map();
    for (const [kind, sql] of Object.entries(queries)) {
      const { rows } = await client.query<{ key: string; def: string }>(sql);
      for (const { key, def } of rows) catalog.set(`${kind} ${key}`, def);
    }
    return catalog;
  });
}
