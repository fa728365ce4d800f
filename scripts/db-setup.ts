// npm run db:setup — one database per service (created when missing), each with its migrations applied.
import path from 'node:path';
import { PLATFORM_SERVICES } from '@sneakers/contracts';
import {
  applyMigrations,
  createDatabase,
  databaseUrl,
  defaultAdminUrl,
  prismaPaths,
  withClient,
} from '@sneakers/kit/prisma-migrate';

async function databaseExists(name: string): Promise<boolean> {
  const { rowCount } = await withClient(defaultAdminUrl, (client) =>
    client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]),
  );
  return (rowCount ?? 0) > 0;
}

async function main(): Promise<void> {
  for (const [service, { database }] of Object.entries(PLATFORM_SERVICES)) {
    if (!(await databaseExists(database))) {
      await createDatabase(defaultAdminUrl, database);
      console.log(`[db] ${service}: created database ${database}`);
    }
    const { migrationsDir } = prismaPaths(path.resolve(__dirname, '..', 'apps', service));
    const { applied } = await applyMigrations({ databaseUrl: databaseUrl(defaultAdminUrl, database), migrationsDir });
    console.log(`[db] ${service}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`);
  }
}

main().catch((error: unknown) => {
  console.error(`[db] setup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
