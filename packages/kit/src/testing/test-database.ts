import path from 'node:path';
import {
  applyMigrations,
  createDatabase,
  databaseUrl,
  dropDatabase,
  prismaPaths,
  throwAwayDatabaseName,
  withClient,
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
  return {
    url,
    drop: async () => {
      await connectionsClosed(name);
      await dropDatabase(testEnv.databaseAdminUrl, name);
    },
  };
}

/**
 * Pools resolve `end()` before their sockets have closed; a forced DROP then kills those backends and
 * the closing clients in this process receive a FATAL error. Waiting a moment for them to go first
 * leaves FORCE for real strays only.
 */
async function connectionsClosed(name: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { rows } = await withClient(testEnv.databaseAdminUrl, (client) =>
      client.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]),
    );
    if ((rows[0]?.n ?? 0) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
