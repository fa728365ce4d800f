import { readFileSync } from 'node:fs';
import path from 'node:path';

// Migrations run through @prisma/schema-engine-wasm (src/prisma-migrate/schema-engine.ts), a package
// published once per prisma-engines commit as `<version>-<n>.<commit>`, beside the client. A Prisma
// release pins its engines build as @prisma/client's `@prisma/engines-version`, so the schema engine
// must be that very build: not a branch build (`-<n>.<branch>-<commit>`), not another commit.

/** The installed package.json of `name`, found from an entry point its `exports` allow. */
const installed = (entry: string): { version: string; devDependencies?: Record<string, string> } =>
  JSON.parse(readFileSync(path.join(path.dirname(require.resolve(entry)), 'package.json'), 'utf8'));

const RELEASE_BUILD = /^\d+\.\d+\.\d+-\d+\.[0-9a-f]{40}$/;

describe('Prisma schema engine pairing', () => {
  const engine = installed('@prisma/schema-engine-wasm/schema_engine_bg');
  const clientEngines = installed('@prisma/client/package.json').devDependencies?.['@prisma/engines-version'];

  it('When the schema engine is installed, then it is the engines build the installed @prisma/client was released with', () => {
    expect(clientEngines).toMatch(RELEASE_BUILD);
    expect(engine.version).toBe(clientEngines);
  });

  it('When packages/kit pins the schema engine, then the pin is exactly the installed build', () => {
    const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../package.json'), 'utf8'));

    expect(manifest.dependencies['@prisma/schema-engine-wasm']).toBe(engine.version);
  });
});
