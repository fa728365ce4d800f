import path from 'node:path';
import {
  applyMigrations,
  createDatabase,
  databaseUrl,
  dropDatabase,
  prismaPaths,
  throwAwayDatabaseName,
} from '../prisma-migrate';
import { testEnv } from './test-env';

export interface TestDatabase {
  url: string;
  drop: () => Promise<void>;
}

/** A fresh database with the workspace's migrations applied, so each test file starts clean. */
export async function createTestDatabase(workspaceDir: string): Promise<TestDatabase> {
  const name = throwAwayDatabaseName(`t_${path.basename(workspaceDir).replaceAll('-', '_')}`);
  await createDatabase(testEnv.databaseAdminUrl, name);
  const url = databaseUrl(testEnv.databaseAdminUrl, name);
  await applyMigrations({ databaseUrl: url, migrationsDir: prismaPaths(workspaceDir).migrationsDir });
  return { url, drop: () => dropDatabase(testEnv.databaseAdminUrl, name) };
}
