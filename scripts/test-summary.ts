// Totals the jest results every workspace wrote during `npm test` into one closing line.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface JestResults {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTotalTestSuites: number;
}

const root = path.resolve(__dirname, '..');
const files = ['apps', 'packages'].flatMap((group) =>
  readdirSync(path.join(root, group)).map((workspace) => path.join(root, group, workspace, '.jest-results.json')),
);
const results = files.filter(existsSync).map((file) => JSON.parse(readFileSync(file, 'utf8')) as JestResults);
const sum = (pick: (r: JestResults) => number) => results.reduce((total, r) => total + pick(r), 0);
const passed = sum((r) => r.numPassedTests);
const failed = sum((r) => r.numFailedTests);
const skipped = sum((r) => r.numPendingTests);

console.log(`\n${results.length} workspaces, ${sum((r) => r.numTotalTestSuites)} test files`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
