import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GATEWAY_PORT, PLATFORM_SERVICES, type PlatformService } from '@sneakers/contracts';
import type { z } from 'zod';
import { catalogServiceEnv } from '../../../catalog-service/src/config';
import { couponServiceEnv } from '../../../coupon-service/src/config';
import { orderServiceEnv } from '../../../order-service/src/config';
import { paymentServiceEnv } from '../../../payment-service/src/config';
import { userServiceEnv } from '../../../user-service/src/config';
import { gatewayEnv } from '../../src/config';
import { type ComposeConfig, type ComposeService, pickComposeValidator, REPO_ROOT } from './compose-config';

// docker-compose.yml is never started here (no Docker engine): this proves what can be proven
// without one — Docker Compose (or, where no compose CLI is installed, as on CI, the Compose
// Specification schema) accepts the file, and every service is wired the way its own configuration
// schema and the shared service list say it must be.

const ENV_SCHEMAS: Record<PlatformService | 'gateway', z.ZodType> = {
  gateway: gatewayEnv,
  'user-service': userServiceEnv,
  'catalog-service': catalogServiceEnv,
  'coupon-service': couponServiceEnv,
  'order-service': orderServiceEnv,
  'payment-service': paymentServiceEnv,
};
const SERVICES = Object.keys(ENV_SCHEMAS) as Array<keyof typeof ENV_SCHEMAS>;
const portOf = (name: keyof typeof ENV_SCHEMAS) => (name === 'gateway' ? GATEWAY_PORT : PLATFORM_SERVICES[name].port);
const LOOPBACK = /127\.0\.0\.1|localhost/;

let config: ComposeConfig;
const service = (name: string): ComposeService => {
  const found = config.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
};
const envOf = (name: string) =>
  Object.fromEntries(Object.entries(service(name).environment ?? {}).map(([key, value]) => [key, String(value)]));
const publishedPorts = (name: string) => (service(name).ports ?? []).map((port) => Number(port.published));
const healthyDependencies = (name: string) =>
  Object.entries(service(name).depends_on ?? {})
    .filter(([, { condition }]) => condition === 'service_healthy')
    .map(([dependency]) => dependency);

/** Variables whose development default points at this machine: inside a container they must be set. */
function loopbackDefaults(schema: z.ZodType): string[] {
  const defaults = schema.parse({}) as Record<string, unknown>;
  return Object.entries(defaults)
    .filter(([, value]) => LOOPBACK.test(JSON.stringify(value)))
    .map(([key]) => key);
}

const validator = pickComposeValidator();

beforeAll(() => {
  config = validator.resolve();
});

describe(`docker-compose.yml, validated and resolved by ${validator.name}`, () => {
  it('has every platform service and the gateway, each built from the root Dockerfile for itself', () => {
    for (const name of SERVICES) {
      const { build } = service(name);
      expect({ name, context: build?.context, dockerfile: build?.dockerfile, args: build?.args }).toEqual({
        name,
        context: REPO_ROOT,
        dockerfile: 'Dockerfile',
        args: { SERVICE: name, NODE_IMAGE: process.env.NODE_IMAGE ?? 'node:24-slim' },
      });
    }
  });

  it.each(SERVICES)('gives %s every variable its schema needs, valid and pointing at containers', (name) => {
    const env = envOf(name);
    const schema = ENV_SCHEMAS[name];
    const parsed = schema.safeParse(env);
    expect(parsed.error?.issues ?? []).toEqual([]);
    const stillLocal = loopbackDefaults(schema).filter((key) => env[key] === undefined || LOOPBACK.test(env[key]));
    expect(stillLocal).toEqual([]);
    expect(env.PORT).toBe(String(portOf(name)));
    expect(env).toMatchObject({
      OTEL_TRACES_EXPORTER: 'zipkin',
      OTEL_EXPORTER_ZIPKIN_ENDPOINT: 'http://tracing:9411/api/v2/spans',
    });
    expect(env.OTEL_SERVICE_NAME).toBe(name);
  });

  it.each(SERVICES)('starts %s after the healthy infrastructure it uses, and checks its readiness', (name) => {
    const env = envOf(name);
    const needed = [
      ...(env.DATABASE_URL ? ['postgres'] : []),
      ...(env.KAFKA_BROKERS ? ['kafka'] : []),
      ...(env.REDIS_URL ? ['redis'] : []),
      'tracing',
    ];
    expect(healthyDependencies(name)).toEqual(expect.arrayContaining(needed));
    expect(service(name).healthcheck?.test.join(' ')).toContain('/health/ready');
  });

  it('starts the gateway after every platform service is healthy and publishes it on its port', () => {
    expect(healthyDependencies('gateway')).toEqual(expect.arrayContaining(Object.keys(PLATFORM_SERVICES)));
    expect(publishedPorts('gateway')).toContain(GATEWAY_PORT);
  });

  it('has a health check on every long-running container', () => {
    const longRunning = Object.keys(config.services).filter((name) => name !== 'demo-seed');
    expect(longRunning.filter((name) => !service(name).healthcheck?.test)).toEqual([]);
  });

  it('creates a database for every platform service on first start', () => {
    const initMount = (service('postgres').volumes ?? [])
      .map((volume) => (typeof volume === 'string' ? (volume as string).split(':') : [volume.source, volume.target]))
      .find(([, target]) => target === '/docker-entrypoint-initdb.d');
    expect(initMount?.[0]).toBe(path.join(REPO_ROOT, 'infra/compose/postgres'));
    const script = readFileSync(path.join(REPO_ROOT, 'infra/compose/postgres/create-databases.sql'), 'utf8');
    for (const { database } of Object.values(PLATFORM_SERVICES)) {
      expect(script).toMatch(new RegExp(`^CREATE DATABASE ${database};$`, 'm'));
    }
  });

  it('runs Kafka 3.9.1 in KRaft mode without auto-created topics (the services create theirs)', () => {
    const kafka = service('kafka');
    expect(kafka.image).toBe(process.env.KAFKA_IMAGE ?? 'apache/kafka:3.9.1');
    expect(kafka.environment).toMatchObject({ KAFKA_PROCESS_ROLES: 'broker,controller' });
    expect(String(kafka.environment?.KAFKA_AUTO_CREATE_TOPICS_ENABLE)).toBe('false');
  });

  it('publishes the Zipkin UI and API on 9411', () => {
    expect(service('tracing').image).toBe(process.env.TRACING_IMAGE ?? 'openzipkin/zipkin:3.4.4');
    expect(publishedPorts('tracing')).toContain(Number(process.env.TRACING_PORT ?? 9411));
  });

  it('publishes ports on 127.0.0.1 only', () => {
    const published = Object.entries(config.services).flatMap(([name, { ports }]) =>
      (ports ?? []).map((port) => ({ name, hostIp: port.host_ip })),
    );
    expect(published.length).toBeGreaterThan(0);
    expect(published.filter(({ hostIp }) => hostIp !== '127.0.0.1')).toEqual([]);
  });

  it('runs official images unless a variable names a stand-in', () => {
    const source = readFileSync(path.join(REPO_ROOT, 'docker-compose.yml'), 'utf8');
    // `image: ${VARIABLE:-default}`, as [variable, default]
    const images = [...source.matchAll(/^\s+image: (.*)$/gm)].map(
      ([, image]) => /^\$\{(\w+):-([^}]+)\}$/.exec(image ?? '')?.slice(1) ?? image,
    );
    expect(images).toEqual([
      ['POSTGRES_IMAGE', 'postgres:17-alpine'],
      ['REDIS_IMAGE', 'redis:7.4-alpine'],
      ['KAFKA_IMAGE', 'apache/kafka:3.9.1'],
      ['TRACING_IMAGE', 'openzipkin/zipkin:3.4.4'],
    ]);
    expect(source).toMatch(/^ {2}NODE_IMAGE: \$\{NODE_IMAGE:-node:24-slim\}$/m);
  });

  it('serves the data platform stand-in to the order-service from the order-service image', () => {
    const dataPlatform = service('data-platform');
    expect(dataPlatform.build?.args).toMatchObject({ SERVICE: 'order-service' });
    expect(dataPlatform.entrypoint).toEqual(['node', 'dist/receiver-main.cjs']);
    expect(envOf('order-service').DATA_PLATFORM_URL).toBe(
      `http://data-platform:${envOf('data-platform').DATA_PLATFORM_PORT}/paid-orders`,
    );
    expect(healthyDependencies('order-service')).toContain('data-platform');
  });

  it('seeds the demo once the gateway is healthy, through the gateway', () => {
    const seed = service('demo-seed');
    expect(seed.command).toEqual(['npm', 'run', 'demo:seed']);
    expect(envOf('demo-seed').GATEWAY_URL).toBe(`http://gateway:${GATEWAY_PORT}`);
    expect(healthyDependencies('demo-seed')).toEqual(['gateway']);
    expect(envOf('demo-seed')).toMatchObject({ ADMIN_PASSWORD: envOf('user-service').ADMIN_PASSWORD });
  });
});
