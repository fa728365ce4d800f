import path from 'node:path';
import type { ComposeConfig, ComposeService } from './compose-config';

// A schema-valid compose file still allows short forms; `docker compose config --format json` prints
// the long ones. This turns the short forms docker-compose.yml may use into those long ones, so the
// tests read one shape whichever validator ran. A short form not handled here fails loudly.

type Raw = Record<string, unknown>;
const isObject = (value: unknown): value is Raw => value !== null && typeof value === 'object' && !Array.isArray(value);
const asText = (value: unknown) => (value === null || value === undefined ? null : String(value));

function keyValues(value: unknown): Record<string, string | null> {
  if (Array.isArray(value)) {
    return Object.fromEntries(
      value.map((entry: string) => {
        const [key, ...rest] = entry.split('=');
        return [key, rest.length > 0 ? rest.join('=') : null];
      }),
    );
  }
  return Object.fromEntries(Object.entries(value as Raw).map(([key, item]) => [key, asText(item)]));
}

function build(value: unknown, projectDir: string) {
  const long = isObject(value) ? value : { context: value };
  return {
    ...long,
    context: path.resolve(projectDir, String(long.context ?? '.')),
    dockerfile: long.dockerfile ?? 'Dockerfile',
    ...(long.args === undefined ? {} : { args: keyValues(long.args) }),
  };
}

function dependsOn(value: unknown) {
  const long = Array.isArray(value) ? Object.fromEntries(value.map((name: string) => [name, {}])) : (value as Raw);
  return Object.fromEntries(
    Object.entries(long).map(([name, options]) => [name, { condition: 'service_started', ...(options as Raw) }]),
  );
}

function port(value: unknown) {
  if (isObject(value)) return value;
  const match = /^(?:(\d+\.\d+\.\d+\.\d+|\[[\d:a-f]*\]):)?(?:(\d+):)?(\d+)(?:\/(tcp|udp))?$/.exec(String(value));
  if (!match) throw new Error(`port "${value}": ranges are not resolved without Docker Compose`);
  const [, hostIp, published, target, protocol] = match;
  return {
    target: Number(target),
    ...(published ? { published } : {}),
    ...(hostIp ? { host_ip: hostIp } : {}),
    protocol: protocol ?? 'tcp',
  };
}

function volume(value: unknown, projectDir: string) {
  if (isObject(value)) return value;
  const [source = '', target, mode] = String(value).split(':');
  if (target === undefined) return { type: 'volume', target: source };
  const isPath = /^[./~]/.test(source);
  return {
    type: isPath ? 'bind' : 'volume',
    source: isPath ? path.resolve(projectDir, source) : source,
    target,
    ...(mode?.split(',').includes('ro') ? { read_only: true } : {}),
  };
}

function argv(value: unknown, key: string) {
  if (typeof value === 'string')
    throw new Error(`${key} "${value}": write it as a list (a string needs shell splitting)`);
  return value;
}

function service(raw: Raw, projectDir: string): ComposeService {
  const long: Raw = { ...raw };
  if (raw.build !== undefined) long.build = build(raw.build, projectDir);
  if (raw.environment !== undefined) long.environment = keyValues(raw.environment);
  if (raw.depends_on !== undefined) long.depends_on = dependsOn(raw.depends_on);
  if (isObject(raw.healthcheck) && typeof raw.healthcheck.test === 'string') {
    long.healthcheck = { ...raw.healthcheck, test: ['CMD-SHELL', raw.healthcheck.test] };
  }
  if (Array.isArray(raw.ports)) long.ports = raw.ports.map(port);
  if (Array.isArray(raw.volumes)) long.volumes = raw.volumes.map((item) => volume(item, projectDir));
  for (const key of ['entrypoint', 'command']) if (raw[key] !== undefined) long[key] = argv(raw[key], key);
  return long as ComposeService;
}

export function normalizeCompose(document: Raw, projectDir: string): ComposeConfig {
  const services = Object.entries((document.services ?? {}) as Record<string, Raw>);
  return { services: Object.fromEntries(services.map(([name, raw]) => [name, service(raw, projectDir)])) };
}
