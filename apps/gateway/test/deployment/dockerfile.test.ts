import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validate } from 'dockerfile-utils';
import { REPO_ROOT } from './compose-config';

const DOCKERFILE = readFileSync(path.join(REPO_ROOT, 'Dockerfile'), 'utf8');

describe('Dockerfile', () => {
  it('passes the linter', () => {
    const problems = validate(DOCKERFILE).map((d) => `line ${d.range.start.line + 1}: ${d.message}`);
    expect(problems).toEqual([]);
  });

  it('is linted for real: a broken file is reported', () => {
    expect(validate('FROM node:24-slim\nCOPY only-one-argument\nEXPOSE not-a-port\n')).not.toEqual([]);
  });

  it('runs the service as a user other than root', () => {
    const finalStage = DOCKERFILE.split(/^FROM /m).at(-1) ?? '';
    const users = [...finalStage.matchAll(/^USER\s+(\S+)/gm)].map(([, user]) => user);
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
  });

  it('builds on Node.js 24', () => {
    expect(DOCKERFILE).toMatch(/^ARG NODE_IMAGE=node:24-/m);
  });
});
