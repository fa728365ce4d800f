// Every service's test suite calls this, so a schema.prisma change without a matching migration
// fails CI in the service that made it rather than at deploy time.
import { defaultAdminUrl } from '../prisma-migrate/database';
import { findDrift } from '../prisma-migrate/drift';
import { prismaPaths } from '../prisma-migrate/workspace';

/**
 * Throws, listing the differences, when `workspaceDir`'s migrations do not build the database its
 * schema.prisma describes. Needs a PostgreSQL server that may create databases
 * (DATABASE_ADMIN_URL, default postgresql://postgres@127.0.0.1:5432/postgres).
 */
export async function expectNoDrift(workspaceDir: string, adminUrl: string = defaultAdminUrl): Promise<void> {
  const { schemaDir, migrationsDir } = prismaPaths(workspaceDir);
  const drift = await findDrift({ adminUrl, schemaDir, migrationsDir });
  if (drift.length > 0) {
    throw new Error(
      `${migrationsDir} does not match ${schemaDir}:\n  - ${drift.join('\n  - ')}\n` +
        `Add a migration: npm run migrate:new -- <workspace dir> <name> (or write the SQL by hand).`,
    );
  }
}
