import { randomUUID } from 'node:crypto';
import { PLATFORM_SERVICES, type PlatformService } from '@sneakers/contracts';
import { createLogger, createServiceMetrics, type ServiceMetrics } from '@sneakers/kit';
import { createTestTokens, sampleOf, testEnv } from '@sneakers/kit/testing';
import type { Express } from 'express';
import { Redis } from 'ioredis';
import request from 'supertest';
import { createGatewayApp } from '../src/app';
import { testRoutes } from './support/gateway-fixture';
import { StubUpstream } from './support/stub-upstream';

describe('Gateway metrics', () => {
  const upstream = new StubUpstream();
  let redis: Redis;
  let metrics: ServiceMetrics;
  let app: Express;
  let sellerToken: string;

  beforeAll(async () => {
    const url = await upstream.start();
    redis = new Redis(testEnv.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    await new Promise<void>((resolve) => (redis.status === 'ready' ? resolve() : redis.once('ready', () => resolve())));
    const tokens = await createTestTokens();
    sellerToken = await tokens.sign({ userId: randomUUID(), role: 'SELLER', sellerStatus: 'APPROVED' });
    metrics = createServiceMetrics('gateway');
    app = createGatewayApp({
      logger: createLogger('gateway-test', 'silent'),
      routes: testRoutes,
      upstreams: Object.fromEntries(Object.keys(PLATFORM_SERVICES).map((s) => [s, url])) as Record<
        PlatformService,
        string
      >,
      verifyAccessToken: tokens.verifier,
      redis,
      rateLimitPerMinute: 10_000,
      upstreamTimeoutMs: 5000,
      metrics,
    });
  });
  afterAll(async () => {
    await redis.quit();
    await upstream.stop();
  });

  it('When requests went through the gateway, then /metrics shows their latency by public route template and status', async () => {
    await request(app).get('/things').expect(200);
    await request(app).post('/seller/things/t-1').set('Authorization', `Bearer ${sellerToken}`).expect(201);
    await request(app).post('/seller/things/t-2').expect(401);

    const scrape = await request(app).get('/metrics').expect(200);

    const count = (labels: Record<string, string>) =>
      sampleOf(scrape.text, 'http_request_duration_seconds_count', { service: 'gateway', ...labels });
    expect(count({ method: 'GET', route: '/things', status: '200' })).toBe(1);
    expect(count({ method: 'POST', route: '/seller/things/:thingId', status: '201' })).toBe(1);
    expect(count({ method: 'POST', route: '/seller/things/:thingId', status: '401' })).toBe(1);
    expect(scrape.text).not.toContain('outbox_');
  });

  it('When the OpenAPI document is read, then /metrics is not in it', async () => {
    const doc = await request(app).get('/openapi.json').expect(200);

    expect(Object.keys(doc.body.paths)).not.toContain('/metrics');
  });
});
