// The one place that loads Prisma's Wasm schema engine. The CLI's native engine cannot be
// downloaded here, but the Wasm build ships inside an npm package and speaks the same protocol,
// so migrations are driven from Node through it (see /work/shared/notes/prisma-here.md).
import { readFile } from 'node:fs/promises';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';

export type { SchemaEngine, SchemaFilter } from '@prisma/schema-engine-wasm';

/** No externally managed tables or enums: every object in the schema is Prisma's to manage. */
export const noFilters = { externalTables: [], externalEnums: [] };

let engineClass: Promise<typeof SchemaEngine> | undefined;

// The package is a wasm-bindgen "bundler" build: its entry imports the .wasm file as a module,
// which plain Node cannot do. So we instantiate the bytes ourselves against the JS glue module.
// Compiling ~5 MB of Wasm is not free, and the glue holds one global instance, so do it once.
function loadEngineClass(): Promise<typeof SchemaEngine> {
  engineClass ??= (async () => {
    const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await readFile(gluePath.replace(/\.js$/, '.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg.SchemaEngine;
  })();
  return engineClass;
}

/**
 * Runs `work` with an engine connected to `connectionString`, then frees it.
 * The engine connects eagerly, so the URL must reach a live server even for pure schema diffs.
 */
export async function withSchemaEngine<T>(
  connectionString: string,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const Engine = await loadEngineClass();
  const opened: SqlDriverAdapter[] = [];
  const engine = await Engine.new(
    { datamodels: undefined },
    () => {},
    // A bare PrismaPg fails inside the engine; it needs the migration-aware, error-capturing wrapper.
    bindMigrationAwareSqlAdapterFactory(trackConnections(new PrismaPg({ connectionString }), opened)),
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
    // Freeing the engine does not dispose the pools it opened; idle pg clients would keep the
    // process (and jest) alive for another 10 seconds.
    await Promise.allSettled(opened.map((adapter) => adapter.dispose()));
  }
}

function trackConnections(
  factory: PrismaPg,
  opened: SqlDriverAdapter[],
): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => remember(await factory.connect(), opened),
    connectToShadowDb: async () => remember(await factory.connectToShadowDb(), opened),
  };
}

function remember(adapter: SqlDriverAdapter, opened: SqlDriverAdapter[]): SqlDriverAdapter {
  opened.push(adapter);
  return adapter;
}
