import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { normalizeCompose } from './compose-normalize';
import { readComposeFile } from './compose-spec';

export const REPO_ROOT = path.resolve(__dirname, '../../../..');

export interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile?: string; target?: string; args?: Record<string, string> };
  environment?: Record<string, string | number | null>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  ports?: Array<{ target: number; published: string | number; host_ip?: string }>;
  volumes?: Array<{ type: string; source: string; target: string }>;
  entrypoint?: string[];
  command?: string[];
  user?: string;
}

export interface ComposeConfig {
  services: Record<string, ComposeService>;
}

export interface ComposeValidator {
  /** Says in test titles which validator checked the file. */
  name: string;
  /** docker-compose.yml validated and resolved, in the shape of `docker compose config --format json`. */
  resolve(): ComposeConfig;
}

function run(command: string, args: string[], input?: string) {
  return spawnSync(command, args, { cwd: REPO_ROOT, encoding: 'utf8', input, env: process.env });
}

const dockerComposeV2: ComposeValidator = {
  name: 'docker compose config',
  resolve() {
    const v2 = run('docker', ['compose', 'config', '--format', 'json']);
    if (v2.status !== 0) throw new Error(`docker compose config rejected docker-compose.yml:\n${v2.stderr}`);
    return JSON.parse(v2.stdout) as ComposeConfig;
  },
};

// Debian's docker-compose (v1, a Python program) only prints YAML: the same Python turns it into JSON.
const dockerComposeV1: ComposeValidator = {
  name: 'docker-compose (v1) config',
  resolve() {
    const v1 = run('docker-compose', ['config']);
    if (v1.status !== 0) throw new Error(`docker-compose config rejected docker-compose.yml:\n${v1.stderr}`);
    const json = run(
      'python3',
      ['-c', 'import json, sys, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)'],
      v1.stdout,
    );
    if (json.status !== 0) throw new Error(`could not read docker-compose config's output:\n${json.stderr}`);
    // v1 still prints some short forms (ports as "127.0.0.1:3000:3000/tcp").
    return normalizeCompose(JSON.parse(json.stdout), REPO_ROOT);
  },
};

// Like Compose, variables come from the shell first, then from an `.env` file beside the compose file.
function composeEnvironment() {
  const dotEnv = path.join(REPO_ROOT, '.env');
  return { ...(existsSync(dotEnv) ? parseEnv(readFileSync(dotEnv, 'utf8')) : {}), ...process.env };
}

const composeSpecSchema: ComposeValidator = {
  name: 'the Compose Specification JSON schema (no compose CLI)',
  resolve() {
    const source = readFileSync(path.join(REPO_ROOT, 'docker-compose.yml'), 'utf8');
    return normalizeCompose(readComposeFile(source, composeEnvironment()), REPO_ROOT);
  },
};

/**
 * The most faithful validator this machine has: Docker Compose v2 (`docker compose`), else v1
 * (`docker-compose`), else the Compose Specification schema in Node, which CI uses, as it has the
 * docker client without the compose plugin. COMPOSE_VALIDATOR=schema forces the schema. None of
 * them needs a Docker engine.
 */
export function pickComposeValidator(): ComposeValidator {
  if (process.env.COMPOSE_VALIDATOR === 'schema') return composeSpecSchema;
  if (process.env.COMPOSE_VALIDATOR) {
    throw new Error(`COMPOSE_VALIDATOR=${process.env.COMPOSE_VALIDATOR}: only "schema" (or unset, to detect) is known`);
  }
  if (run('docker', ['compose', 'version']).status === 0) return dockerComposeV2;
  if (!run('docker-compose', ['version']).error) return dockerComposeV1;
  return composeSpecSchema;
}
