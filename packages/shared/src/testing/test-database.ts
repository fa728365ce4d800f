import path from 'node:path';
import { applyMigrations, createDatabase, databaseUrl, dropDatabase } from '../prisma-migrate';
import { testEnv, uniqueName } from './test-env';

export interface TestDatabase {
  url: string;
  drop: () => Promise<void>;
}

/** A fresh database with the workspace's migrations applied, so each test file starts clean. */
export async function createTestDatabase(workspaceDir: string): Promise<TestDatabase> {
  const name = uniqueName(`t_${path.basename(workspaceDir).replaceAll('-', '_')}_`);
  await createDatabase(testEnv.databaseAdminUrl, name);
  const url = databaseUrl(testEnv.databaseAdminUrl, name);
  await applyMigrations({
    databaseUrl: url,
    migrationsDir: path.join(workspaceDir, 'prisma/migrations'),
    schemaDir: path.join(workspaceDir, 'prisma/schema'),
  });
  return { url, drop: () => dropDatabase(testEnv.databaseAdminUrl, name) };
}
