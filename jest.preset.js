/** Shared by every workspace: TypeScript through swc, tests under test/, real services (slow). */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(ts|js)$': ['@swc/jest'] },
  // The Prisma Wasm schema engine ships ESM glue; compile it to CommonJS like our own code.
  transformIgnorePatterns: ['/node_modules/(?!@prisma/schema-engine-wasm/)'],
  // Prisma's generated client imports its own .ts files with a .js suffix (ESM style).
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testTimeout: 120_000,
  // Tests share one broker and one PostgreSQL server on a 2-core machine: run files one by one.
  maxWorkers: 1,
};
