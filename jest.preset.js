/** Shared by every workspace: TypeScript through swc, tests under test/, real services (slow). */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testTimeout: 120_000,
  // Tests share one broker and one PostgreSQL server on a 2-core machine: run files one by one.
  maxWorkers: 1,
};
