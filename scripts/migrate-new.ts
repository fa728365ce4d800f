// npm run migrate:new -- <workspace dir> <name>
// Writes <workspace>/prisma/migrations/<UTC timestamp>_<name>/migration.sql from schema.prisma,
// through the Wasm schema engine (the CLI's `migrate dev` needs a native engine we cannot fetch).
import { relative } from 'node:path';
import { createMigration, defaultAdminUrl, prismaPaths } from '@sneakers/kit/prisma-migrate';

async function main(): Promise<void> {
  const [workspaceDir, name] = process.argv.slice(2);
  if (!workspaceDir || !name) {
    console.error('usage: npm run migrate:new -- <workspace dir, e.g. apps/order-service> <name>');
    process.exit(2);
  }
  const created = await createMigration({ ...prismaPaths(workspaceDir), name, adminUrl: defaultAdminUrl });
  console.log(`Created ${relative(process.cwd(), created.path)}/migration.sql:\n\n${created.sql}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
