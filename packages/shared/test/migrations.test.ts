import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  applyMigrations,
  createDatabase,
  createMigration,
  databaseUrl,
  dropDatabase,
  findDrift,
  type PrismaPaths,
  prismaPaths,
  throwAwayDatabaseName,
} from '../src/prisma-migrate';
import { withClient } from '../src/prisma-migrate/database';
import { expectNoDrift } from '../src/testing/expect-no-drift';
import { testEnv } from '../src/testing/test-env';

const adminUrl = testEnv.databaseAdminUrl;
const workspaceDir = path.resolve(__dirname, '..');
const { schemaDir, migrationsDir } = prismaPaths(workspaceDir);

describe('Prisma migrations (real PostgreSQL, Wasm schema engine)', () => {
  let scratch: string;

  beforeEach(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'prisma-migrate-'));
  });
  afterEach(() => rm(scratch, { recursive: true, force: true }));

  it('When the migrations folder is applied twice, then the second run applies nothing', async () => {
    const name = throwAwayDatabaseName();
    await createDatabase(adminUrl, name);
    try {
      const url = databaseUrl(adminUrl, name);
      const first = await applyMigrations({ databaseUrl: url, migrationsDir });
      const second = await applyMigrations({ databaseUrl: url, migrationsDir });

      const inFolder = (await readdir(migrationsDir, { withFileTypes: true })).filter((e) => e.isDirectory());
      expect(first.applied).toEqual(inFolder.map((e) => e.name).sort());
      expect(first.applied.length).toBeGreaterThan(0);
      expect(second.applied).toEqual([]);
      // Prisma's own ledger, so `prisma migrate deploy` elsewhere agrees with what ran here.
      const ledger = await withClient(url, (client) =>
        client.query('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL'),
      );
      expect(ledger.rows.map((row) => row.migration_name)).toEqual(first.applied);
    } finally {
      await dropDatabase(adminUrl, name);
    }
  });

  it('When schema.prisma and its migrations agree, then no drift is found', async () => {
    expect(await findDrift({ adminUrl, schemaDir, migrationsDir })).toEqual([]);
    await expectNoDrift(workspaceDir);
  });

  it('When schema.prisma gains a column no migration creates, then the drift check reports it', async () => {
    const changed = await workspaceWithExtraColumn(scratch);

    const drift = await findDrift({ adminUrl, ...changed });

    expect(drift).toEqual([expect.stringContaining('column public.outbox.note')]);
    await expect(expectNoDrift(scratch)).rejects.toThrow('column public.outbox.note');
  });

  it('When a migration is created for a changed schema, then it holds only the change and removes the drift', async () => {
    const changed = await workspaceWithExtraColumn(scratch);

    const created = await createMigration({ ...changed, name: 'outbox note', adminUrl });

    expect(created.name).toMatch(/^\d{14}_outbox_note$/);
    expect(created.sql).toContain('ALTER TABLE "outbox" ADD COLUMN');
    expect(created.sql).not.toContain('CREATE TABLE');
    expect(await findDrift({ adminUrl, ...changed })).toEqual([]);
  });
});

/** A copy of this workspace's Prisma folders under `root` (symlinks resolved), plus `outbox.note`. */
async function workspaceWithExtraColumn(root: string): Promise<PrismaPaths> {
  const copy = prismaPaths(root);
  await cp(schemaDir, copy.schemaDir, { recursive: true, dereference: true });
  await cp(migrationsDir, copy.migrationsDir, { recursive: true });
  const messaging = path.join(copy.schemaDir, 'messaging.prisma');
  const text = await readFile(messaging, 'utf8');
  const changed = text.replace('model OutboxEvent {', 'model OutboxEvent {\n  note String?');
  if (changed === text) throw new Error('messaging.prisma no longer declares OutboxEvent');
  await writeFile(messaging, changed);
  return copy;
}
