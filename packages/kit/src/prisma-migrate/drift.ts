// Drift = the migrations folder no longer builds the database schema.prisma describes. Checked
// by building both for real in throw-away databases and comparing their catalogs, which needs
// nothing but a PostgreSQL server (no native engine, no pg_dump).

import { applyMigrations } from './apply-migrations';
import { type Catalog, describeDatabase } from './catalog';
import { createDatabase, databaseUrl, dropDatabase, throwAwayDatabaseName, withClient } from './database';
import { sqlFromEmptyTo } from './diff';

export type FindDriftOptions = {
  /** A URL on the server to use, whose credentials may create and drop databases. */
  adminUrl: string;
  schemaDir: string;
  migrationsDir: string;
};

/** Human-readable differences between the migrations and the schema; empty means no drift. */
export async function findDrift({ adminUrl, schemaDir, migrationsDir }: FindDriftOptions): Promise<string[]> {
  const migrated = throwAwayDatabaseName('drift_migrated');
  const fromSchema = throwAwayDatabaseName('drift_schema');
  try {
    await Promise.all([createDatabase(adminUrl, migrated), createDatabase(adminUrl, fromSchema)]);
    const [migratedCatalog, schemaCatalog] = await Promise.all([
      buildFromMigrations(databaseUrl(adminUrl, migrated), migrationsDir),
      buildFromSchema(adminUrl, databaseUrl(adminUrl, fromSchema), schemaDir),
    ]);
    return compare(migratedCatalog, schemaCatalog);
  } finally {
    await Promise.all([dropDatabase(adminUrl, migrated), dropDatabase(adminUrl, fromSchema)]);
  }
}

async function buildFromMigrations(url: string, migrationsDir: string): Promise<Catalog> {
  await applyMigrations({ databaseUrl: url, migrationsDir });
  return describeDatabase(url);
}

async function buildFromSchema(adminUrl: string, url: string, schemaDir: string): Promise<Catalog> {
  const sql = await sqlFromEmptyTo(schemaDir, adminUrl);
  await withClient(url, (client) => client.query(sql));
  return describeDatabase(url);
}

function compare(migrations: Catalog, schema: Catalog): string[] {
  const keys = [...new Set([...migrations.keys(), ...schema.keys()])].sort();
  return keys.flatMap((key) => {
    const got = migrations.get(key);
    const want = schema.get(key);
    if (got === want) return [];
    if (got === undefined) return [`${key} (${want}) is in schema.prisma but no migration creates it`];
    if (want === undefined) return [`${key} (${got}) is created by the migrations but not in schema.prisma`];
    return [`${key} differs: migrations give "${got}", schema.prisma gives "${want}"`];
  });
}
