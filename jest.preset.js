/** Shared by every workspace: TypeScript through swc, tests under test/, real services (slow). */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(ts|js|cjs)$': ['@swc/jest'] },
  // ESM-only packages (the Prisma Wasm engine's glue, jose, PGlite): compile them to CommonJS like our code.
  transformIgnorePatterns: ['/node_modules/(?!(@prisma/schema-engine-wasm|jose|@electric-sql)/)'],
  // Prisma's generated client imports its own .ts files with a .js suffix (ESM style).
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testTimeout: 120_000,
  // Tests share one broker and one PostgreSQL server on a 2-core machine: run files one by one.
  maxWorkers: 1,
};
