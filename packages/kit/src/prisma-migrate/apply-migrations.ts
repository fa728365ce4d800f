// `prisma migrate deploy`, minus the native engine: applies pending folders and records them in
// Prisma's own `_prisma_migrations` table, so either tool can take over a database from the other.
import { readMigrationsList } from './migrations-folder';
import { noFilters, withSchemaEngine } from './schema-engine';

export type ApplyMigrationsOptions = {
  databaseUrl: string;
  migrationsDir: string;
};

/**
 * Applies every migration not yet recorded in the database; returns the names it applied.
 * Each migration.sql runs whole, as one implicit transaction (see pg-adapter.ts).
 */
export async function applyMigrations({
  databaseUrl,
  migrationsDir,
}: ApplyMigrationsOptions): Promise<{ applied: string[] }> {
  const migrationsList = await readMigrationsList(migrationsDir);
  const { appliedMigrationNames } = await withSchemaEngine(databaseUrl, (engine) =>
    engine.applyMigrations({ migrationsList, filters: noFilters }),
  );
  return { applied: appliedMigrationNames };
}
