// The first step of a service container (see infra/compose/start-service.sh): applies the service's
// migrations to DATABASE_URL, as `npm run db:setup` does on a developer's machine. The database
// itself was created by the PostgreSQL container's init script.
import path from 'node:path';
import { applyMigrations } from '@sneakers/kit/prisma-migrate';

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set');
  // Bundled into <app>/dist/migrate.cjs; the Dockerfile puts the migrations at <app>/prisma/migrations.
  const migrationsDir = path.resolve(__dirname, '../prisma/migrations');
  const { applied } = await applyMigrations({ databaseUrl, migrationsDir });
  console.log(`[migrate] ${applied.length > 0 ? `applied ${applied.join(', ')}` : 'up to date'}`);
}

main().catch((error: unknown) => {
  console.error(`[migrate] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
