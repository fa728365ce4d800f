// `prisma migrate dev --create-only`, minus the native engine: writes the next migration folder
// from the difference between the existing migrations and schema.prisma.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createDatabase, databaseUrl, dropDatabase, throwAwayDatabaseName } from './database';
import { sqlFromEmptyTo, sqlFromMigrationsTo } from './diff';
import { lockFileContent, lockFileName, readMigrationsList } from './migrations-folder';

export type CreateMigrationOptions = {
  schemaDir: string;
  migrationsDir: string;
  /** Becomes the folder suffix; normalised to snake_case like the Prisma CLI does. */
  name: string;
  /** A URL whose credentials may create and drop databases (for the throw-away shadow). */
  adminUrl: string;
};

export type CreatedMigration = { name: string; path: string; sql: string };

export async function createMigration({
  schemaDir,
  migrationsDir,
  name,
  adminUrl,
}: CreateMigrationOptions): Promise<CreatedMigration> {
  const suffix = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!suffix) throw new Error(`"${name}" is not usable as a migration name`);

  const { migrationDirectories } = await readMigrationsList(migrationsDir);
  const sql =
    migrationDirectories.length === 0
      ? await sqlFromEmptyTo(schemaDir, adminUrl)
      : await withShadowDatabase(adminUrl, (shadowUrl) =>
          sqlFromMigrationsTo(schemaDir, migrationsDir, shadowUrl, adminUrl),
        );
  if (!sql.trim()) {
    throw new Error(`${schemaDir} and ${migrationsDir} already agree: there is nothing to migrate`);
  }

  const folder = `${utcTimestamp(new Date())}_${suffix}`;
  const path = join(migrationsDir, folder);
  await mkdir(migrationsDir, { recursive: true });
  // Not recursive: a folder created in the same second must fail, not be overwritten.
  await mkdir(path);
  await writeFile(join(path, 'migration.sql'), sql);
  await writeFile(join(migrationsDir, lockFileName), lockFileContent);
  return { name: folder, path, sql };
}

// The engine replays the existing migrations into an empty database to learn where they lead.
async function withShadowDatabase<T>(adminUrl: string, work: (shadowUrl: string) => Promise<T>): Promise<T> {
  const name = throwAwayDatabaseName('shadow');
  await createDatabase(adminUrl, name);
  try {
    return await work(databaseUrl(adminUrl, name));
  } finally {
    await dropDatabase(adminUrl, name);
  }
}

// Prisma's folder prefix: yyyyMMddHHmmss in UTC, so folders sort in the order they were made.
function utcTimestamp(date: Date): string {
  return date.toISOString().replace(/\D/g, '').slice(0, 14);
}
