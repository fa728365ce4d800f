import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PLATFORM_SERVICES, type PlatformService, PUBLIC_ROUTES } from '@sneakers/contracts';
import { createLogger, operationsRoutesOf } from '@sneakers/kit';
import { createTestTokens, type TestTokens, testEnv } from '@sneakers/kit/testing';
import { Redis } from 'ioredis';
import request from 'supertest';
import { createGatewayApp } from '../src/app';

const SERVICES = Object.keys(PLATFORM_SERVICES) as PlatformService[];

/** One stand-in per service that says who it is, so a test sees where the gateway sent a call. */
async function namedUpstreams(): Promise<{ urls: Record<PlatformService, string>; close: () => void }> {
  const servers: http.Server[] = [];
  const urls = {} as Record<PlatformService, string>;
  for (const service of SERVICES) {
    const server = http.createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ service, url: req.url }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    servers.push(server);
    urls[service] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  return {
    urls,
    close: () => {
      for (const server of servers) server.close();
    },
  };
}

describe('Gateway: admin operations routes', () => {
  let tokens: TestTokens;
  let redis: Redis;
  let upstreams: Awaited<ReturnType<typeof namedUpstreams>>;
  let gateway: ReturnType<typeof createGatewayApp>;

  beforeAll(async () => {
    tokens = await createTestTokens();
    redis = new Redis(testEnv.redisUrl);
    upstreams = await namedUpstreams();
    gateway = createGatewayApp({
      logger: createLogger('gateway-test', 'silent'),
      routes: PUBLIC_ROUTES,
      upstreams: upstreams.urls,
      verifyAccessToken: tokens.verifier,
      redis,
      rateLimitPerMinute: 10_000,
      upstreamTimeoutMs: 5000,
    });
  });
  afterAll(async () => {
    upstreams.close();
    await redis.quit();
  });

  it.each(SERVICES)(
    'When an admin reads %s operations, then the gateway sends each call to that service',
    async (service) => {
      const admin = await tokens.sign({ userId: randomUUID(), role: 'ADMIN' });
      const calls = [
        ['get', `/admin/operations/${service}/dead-letters?limit=5`],
        ['post', `/admin/operations/${service}/dead-letters/${service}.dlq:0:7/replay`],
        ['post', `/admin/operations/${service}/dead-letters/replay`],
        ['get', `/admin/operations/${service}/outbox`],
      ] as const;
      for (const [method, path] of calls) {
        const res = await request(gateway)[method](path).set('authorization', `Bearer ${admin}`);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ service, url: path });
      }
    },
  );

  it('When a buyer or nobody calls them, then the gateway refuses before any service is asked', async () => {
    const buyer = await tokens.sign({ userId: randomUUID(), role: 'BUYER' });
    const path = '/admin/operations/order-service/outbox';
    expect((await request(gateway).get(path)).status).toBe(401);
    expect((await request(gateway).get(path).set('authorization', `Bearer ${buyer}`)).status).toBe(403);
  });

  it('When /openapi.json is read, then every operations route is documented as admin-only', async () => {
    const res = await request(gateway).get('/openapi.json');
    for (const service of SERVICES) {
      for (const route of Object.values(operationsRoutesOf(service))) {
        const operation = res.body.paths[route.path]?.[route.method];
        expect(operation).toMatchObject({ tags: ['operations'], security: [{ bearerAuth: [] }] });
      }
    }
  });
});
