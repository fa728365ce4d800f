import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';

// npm checks each package's `engines` against the Node that runs npm and prints an EBADENGINE warning
// for every package that wants another: the project may only promise Nodes that all of them accept.
const ROOT = path.resolve(__dirname, '../../..');
const readJson = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));

interface LockedPackage {
  engines?: { node?: string } | string[];
  optional?: boolean;
}

describe('The Node versions the project supports (package.json engines)', () => {
  const { engines, devDependencies } = readJson('package.json');

  it('When npm installs on any of them, then no installed package wants another Node', () => {
    const locked: Record<string, LockedPackage> = readJson('package-lock.json').packages;

    const refusing = Object.entries(locked).flatMap(([where, { engines: wanted, optional }]) => {
      const node = Array.isArray(wanted) ? undefined : wanted?.node;
      return !optional && node && !semver.subset(engines.node, node) ? [`${where} wants node ${node}`] : [];
    });

    expect(refusing).toEqual([]);
  });

  it('When npm scripts run the project, then the Node they use (the `node` dev dependency) is one of them', () => {
    expect(semver.satisfies(devDependencies.node, engines.node)).toBe(true);
  });
});
