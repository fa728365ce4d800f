import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
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
  sqlFromMigrationsTo,
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

  it('When the migrations hold a hand-written CHECK, then a new migration holds only the schema change', async () => {
    const copy = await copyOfWorkspace(scratch);
    await addHandWrittenMigration(
      copy,
      'ALTER TABLE "outbox" ADD CONSTRAINT "outbox_version_positive" CHECK ("version" > 0);',
    );

    await expect(createMigration({ ...copy, name: 'nothing', adminUrl })).rejects.toThrow('nothing to migrate');
    expect(await readdir(copy.migrationsDir)).not.toContainEqual(expect.stringMatching(/_nothing$/));
    await addNoteColumn(copy);
    const created = await createMigration({ ...copy, name: 'outbox note', adminUrl });

    expect(statements(created.sql)).toEqual(['ALTER TABLE "outbox" ADD COLUMN "note" TEXT']);
  });

  it('When a migration has semicolons in comments, strings and function bodies, then it applies and diffs', async () => {
    const copy = await copyOfWorkspace(scratch);
    await addHandWrittenMigration(
      copy,
      `-- One; two.
CREATE TABLE "notes" ("body" TEXT NOT NULL DEFAULT 'a;b');
/* three; four */
CREATE FUNCTION "answer"() RETURNS INTEGER AS $$ BEGIN RETURN 42; END $$ LANGUAGE plpgsql;`,
    );
    const name = throwAwayDatabaseName();
    await createDatabase(adminUrl, name);
    try {
      const url = databaseUrl(adminUrl, name);
      const { applied } = await applyMigrations({ databaseUrl: url, migrationsDir: copy.migrationsDir });

      expect(applied).toContain(handWrittenMigration);
      const { rows } = await withClient(url, (client) =>
        client.query(
          `SELECT "answer"() AS answer, column_default FROM information_schema.columns WHERE table_name = 'notes'`,
        ),
      );
      expect(rows).toEqual([{ answer: 42, column_default: "'a;b'::text" }]);
    } finally {
      await dropDatabase(adminUrl, name);
    }
    // Creating a migration replays the folder into a shadow database: the same script, another path.
    await addNoteColumn(copy);
    const created = await createMigration({ ...copy, name: 'outbox note', adminUrl });
    expect(created.sql).toContain('ALTER TABLE "outbox" ADD COLUMN');
  });

  it('When the shadow database is not empty, then the diff is refused and the database left as it was', async () => {
    const name = throwAwayDatabaseName('shadow');
    await createDatabase(adminUrl, name);
    try {
      const url = databaseUrl(adminUrl, name);
      await withClient(url, (client) => client.query('CREATE TABLE "keep_me" ("id" INTEGER)'));

      await expect(sqlFromMigrationsTo(schemaDir, migrationsDir, url, adminUrl)).rejects.toThrow(
        'The shadow database is not empty (public.keep_me)',
      );
      const { rows } = await withClient(url, (client) => client.query(`SELECT to_regclass('keep_me') AS kept`));
      expect(rows).toEqual([{ kept: 'keep_me' }]);
    } finally {
      await dropDatabase(adminUrl, name);
    }
  });
});

// Sorts right after this workspace's own migrations, before any the kit creates.
const handWrittenMigration = '20261124134411_hand_written';

/** A copy of this workspace's Prisma folders under `root`, symlinks resolved. */
async function copyOfWorkspace(root: string): Promise<PrismaPaths> {
  const copy = prismaPaths(root);
  await cp(schemaDir, copy.schemaDir, { recursive: true, dereference: true });
  await cp(migrationsDir, copy.migrationsDir, { recursive: true });
  return copy;
}

/** A copy of this workspace's Prisma folders whose schema.prisma has `outbox.note`. */
async function workspaceWithExtraColumn(root: string): Promise<PrismaPaths> {
  const copy = await copyOfWorkspace(root);
  await addNoteColumn(copy);
  return copy;
}

/** Adds `outbox.note` to schema.prisma only. */
async function addNoteColumn({ schemaDir: dir }: PrismaPaths): Promise<void> {
  const messaging = path.join(dir, 'messaging.prisma');
  const text = await readFile(messaging, 'utf8');
  const changed = text.replace('model OutboxEvent {', 'model OutboxEvent {\n  note String?');
  if (changed === text) throw new Error('messaging.prisma no longer declares OutboxEvent');
  await writeFile(messaging, changed);
}

async function addHandWrittenMigration({ migrationsDir: dir }: PrismaPaths, sql: string): Promise<void> {
  await mkdir(path.join(dir, handWrittenMigration));
  await writeFile(path.join(dir, handWrittenMigration, 'migration.sql'), sql);
}

/** The statements of a generated migration: comments dropped, whitespace collapsed. */
function statements(sql: string): string[] {
  return sql
    .split(';')
    .map((statement) =>
      statement
        .replace(/^--.*$/gm, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean);
}
