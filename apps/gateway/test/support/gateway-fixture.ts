import { PLATFORM_SERVICES, type PlatformRoute, type PlatformService } from '@sneakers/contracts';
import { createLogger } from '@sneakers/kit';
import { createTestTokens, type TestTokens, testEnv } from '@sneakers/kit/testing';
import { Redis } from 'ioredis';
import { z } from 'zod';
import { createGatewayApp } from '../../src/app';
import { StubUpstream } from './stub-upstream';

/** Routes shaped like the real ones, one per kind of access, all owned by the stub upstream. */
export const testRoutes: PlatformRoute[] = [
  {
    service: 'catalog-service',
    method: 'get',
    path: '/things',
    summary: 'List things',
    tag: 'test',
    access: 'public',
    responses: { 200: { description: 'ok' } },
  } satisfies PlatformRoute,
  {
    service: 'catalog-service',
    method: 'get',
    path: '/slow',
    summary: 'Slow',
    tag: 'test',
    access: 'public',
    responses: { 200: { description: 'ok' } },
  } satisfies PlatformRoute,
  {
    service: 'payment-service',
    method: 'post',
    path: '/wallet/things',
    summary: 'Buy a thing',
    tag: 'test',
    access: ['BUYER'],
    idempotent: true,
    body: z.strictObject({ amount: z.number().int().positive() }),
    responses: { 201: { description: 'created' } },
  } satisfies PlatformRoute,
  {
    service: 'catalog-service',
    method: 'post',
    path: '/seller/things/{thingId}',
    summary: 'Sell a thing',
    tag: 'test',
    access: ['SELLER', 'ADMIN'],
    params: z.object({ thingId: z.string() }),
    responses: { 201: { description: 'created' } },
  } satisfies PlatformRoute,
  {
    service: 'user-service',
    method: 'get',
    path: '/admin/things',
    summary: 'Admin things',
    tag: 'test',
    access: ['ADMIN'],
    responses: { 200: { description: 'ok' } },
  } satisfies PlatformRoute,
];

async function gatewayFixture(upstreamUrl: string, { rateLimitPerMinute = 10_000, upstreamTimeoutMs = 5000 } = {}) {
  const tokens: TestTokens = await createTestTokens();
  const redis = new Redis(testEnv.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  await new Promise<void>((resolve) => (redis.status === 'ready' ? resolve() : redis.once('ready', () => resolve())));
  const upstreams = Object.fromEntries(Object.keys(PLATFORM_SERVICES).map((s) => [s, upstreamUrl])) as Record<
    PlatformService,
    string
  >;
  const app = createGatewayApp({
    logger: createLogger('gateway-test', 'silent'),
    routes: testRoutes,
    upstreams,
    verifyAccessToken: tokens.verifier,
    redis,
    rateLimitPerMinute,
    upstreamTimeoutMs,
  });
  return { app, tokens, close: () => redis.quit().then(() => undefined) };
}

type GatewayFixture = Awaited<ReturnType<typeof gatewayFixture>>;

/**
 * A gateway in front of a fresh stub upstream for one test file; `options` per fixture name.
 * Returns getters because the fixtures exist only once beforeAll ran.
 */
export function useGateway<Names extends string>(
  options: Record<Names, Parameters<typeof gatewayFixture>[1]>,
): { upstream: StubUpstream } & Record<Names, () => GatewayFixture> {
  const upstream = new StubUpstream();
  const fixtures = new Map<string, GatewayFixture>();
  beforeAll(async () => {
    const url = await upstream.start();
    for (const [name, fixtureOptions] of Object.entries(options)) {
      fixtures.set(name, await gatewayFixture(url, fixtureOptions as Parameters<typeof gatewayFixture>[1]));
    }
  });
  afterAll(async () => {
    for (const fixture of fixtures.values()) await fixture.close();
    await upstream.stop();
  });
  const getters = Object.fromEntries(
    Object.keys(options).map((name) => [name, () => fixtures.get(name) as GatewayFixture]),
  ) as Record<Names, () => GatewayFixture>;
  return { upstream, ...getters };
}
