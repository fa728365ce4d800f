// Build step of the Dockerfile: bundles one workspace's processes into <out>/<name>.cjs.
// Only our own code (the workspace and @sneakers/*) goes into a bundle. Every npm package stays a
// plain require() from node_modules, because OpenTelemetry traces express, pg and http by hooking
// require: a bundled copy of them would run untraced. So the image needs no tsx and no TypeScript.
import { existsSync, globSync } from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';

const [workspaceDir, outDir] = process.argv.slice(2);
if (!workspaceDir || !outDir) {
  console.error('usage: tsx infra/compose/bundle-service.ts <workspace dir> <out dir>');
  process.exit(2);
}

const npmPackagesStayExternal: Plugin = {
  name: 'npm-packages-stay-external',
  setup(bundler) {
    bundler.onResolve({ filter: /^[^./]/ }, ({ path: specifier }) =>
      specifier.startsWith('@sneakers/') ? undefined : { external: true },
    );
  },
};

// The service itself, any other process the workspace runs (`*-main.ts`, e.g. the data platform
// stand-in) and, where the workspace has migrations, the step that applies them before start-up.
const entries = [
  path.join(workspaceDir, 'src/main.ts'),
  ...globSync(path.join(workspaceDir, 'src/**/*-main.ts')),
  ...(existsSync(path.join(workspaceDir, 'prisma/migrations')) ? [path.join(__dirname, 'migrate.ts')] : []),
];
// Flat names (main.cjs, receiver-main.cjs, migrate.cjs), whatever folder an entry lives in.
const entryPoints = Object.fromEntries(entries.map((entry) => [path.basename(entry, '.ts'), entry]));

void build({
  entryPoints,
  outdir: outDir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [npmPackagesStayExternal],
});
