// The one place that loads Prisma's Wasm schema engine. The CLI's native engine cannot be
// downloaded here, but the Wasm build ships inside an npm package and speaks the same protocol,
// so migrations are driven from Node through it (see /work/shared/notes/prisma-here.md).
// It leans on internals of exactly pinned packages; re-run test/migrations.test.ts on upgrades
// (test/schema-engine-pairing.test.ts fails when this engine is not the client's own build).
import { readFile } from 'node:fs/promises';
import { setTimeout as realSetTimeout } from 'node:timers';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
// ESM-only: Node >= 22.12 and tsx require() it natively; jest compiles it (see jest.preset.js).
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';
import { openPgAdapter } from './pg-adapter';

export type { SchemaEngine } from '@prisma/schema-engine-wasm';

/** No externally managed tables or enums: every object in the schema is Prisma's to manage. */
export const noFilters = { externalTables: [], externalEnums: [] };

export type EngineOptions = {
  /** An empty database the engine may replay migrations into (needed by `diff` from migrations). */
  shadowDatabaseUrl?: string;
};

let engineClass: Promise<typeof SchemaEngine> | undefined;

// The package is a wasm-bindgen "bundler" build: its entry imports the .wasm file as a module,
// which plain Node cannot do. So we instantiate the bytes ourselves against the JS glue module.
// Compiling ~5 MB of Wasm is not free, and the glue holds one global instance, so do it once.
function loadEngineClass(): Promise<typeof SchemaEngine> {
  engineClass ??= (async () => {
    const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await readFile(gluePath.replace(/\.js$/, '.wasm'));
    const imports = { './schema_engine_bg.js': withUnrefTimers(glue) };
    const { instance } = await WebAssembly.instantiate(bytes, imports);
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue.SchemaEngine;
  })();
  return engineClass;
}

// The engine arms timers (e.g. a 10 s migration-lock timeout) and never clears them, which kept
// every CLI run and jest worker alive 10 s after the work was done. Unref'd timers still fire
// while the engine is busy (its pg sockets keep the process up) but no longer hold it open.
// node:timers rather than the global so that jest's fake timers cannot freeze the engine.
function withUnrefTimers(glueExports: WebAssembly.ModuleImports): WebAssembly.ModuleImports {
  const patched: WebAssembly.ModuleImports = { ...glueExports };
  for (const name of Object.keys(glueExports).filter((key) => key.startsWith('__wbg_setTimeout_'))) {
    patched[name] = (callback: () => void, ms: number) => realSetTimeout(callback, ms >>> 0).unref();
  }
  return patched;
}

/**
 * Runs `work` with an engine connected to `connectionString`, then frees it.
 * The engine connects eagerly, so the URL must reach a live server even for pure schema diffs.
 */
export async function withSchemaEngine<T>(
  connectionString: string,
  work: (engine: SchemaEngine) => Promise<T>,
  { shadowDatabaseUrl }: EngineOptions = {},
): Promise<T> {
  const Engine = await loadEngineClass();
  const opened: SqlDriverAdapter[] = [];
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: () => open(connectionString, opened),
    // adapter-pg's own shadow database is created and dropped behind our back (and dropped before
    // its pool is closed); an explicit, caller-owned database is easier to reason about and clean.
    connectToShadowDb: () => {
      if (!shadowDatabaseUrl) throw new Error('This engine command needs a shadowDatabaseUrl');
      return open(shadowDatabaseUrl, opened);
    },
  };
  // A bare factory fails inside the engine; it needs the migration-aware, error-capturing wrapper.
  const engine = await Engine.new({ datamodels: undefined }, () => {}, bindMigrationAwareSqlAdapterFactory(factory));
  try {
    return await work(engine);
  } finally {
    engine.free();
    // Freeing the engine does not dispose the pools it opened; idle pg clients would keep the
    // process (and jest) alive for another 10 seconds.
    await Promise.allSettled(opened.map((adapter) => adapter.dispose()));
  }
}

async function open(url: string, opened: SqlDriverAdapter[]): Promise<SqlDriverAdapter> {
  const adapter = await openPgAdapter(url);
  opened.push(adapter);
  return adapter;
}
