// Where a workspace keeps its Prisma files. Mirrors every workspace's prisma.config.ts
// (`schema: 'prisma/schema'`, `migrations.path: 'prisma/migrations'`); loading the config itself
// would drag the whole prisma/config package into every test run.
import { resolve } from 'node:path';

export type PrismaPaths = { schemaDir: string; migrationsDir: string };

/** Absolute Prisma folders of `workspaceDir` (resolved against the current directory). */
export function prismaPaths(workspaceDir: string): PrismaPaths {
  const root = resolve(workspaceDir);
  return {
    schemaDir: resolve(root, 'prisma/schema'),
    migrationsDir: resolve(root, 'prisma/migrations'),
  };
}
