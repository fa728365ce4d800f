/**
 * The coupon storm: 10,000 buyers (plus 1,000 repeat attempts) claim one 100-coupon policy at
 * concurrency 200, through the gateway, beside the gateway's no-op route (/health/live) at the same
 * concurrency as the ceiling, and the same storm straight to coupon-service to show the hop. Services
 * run as separate processes, as in production; autocannon drives them from this one (all on the same
 * 2-core machine as PostgreSQL, Redis and Kafka). Prints one JSON document.
 * Needs PostgreSQL, Redis and Kafka as for the tests.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createPrismaClient } from '@sneakers/shared';
import { createTestDatabase, createTestTokens, startService, testEnv, uniqueName } from '@sneakers/shared/testing';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { PrismaClient } from '../../apps/coupon-service/src/generated/prisma/client';

const BUYERS = Number(process.env.BENCH_BUYERS ?? 10_000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 1_000);
const QUANTITY = 100;
const CONNECTIONS = Number(process.env.BENCH_CONCURRENCY ?? 200);
const NOOP_DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);
const COUPON_PORT = 3203;
const GATEWAY_PORT = 3200;
const ROOT = path.resolve(__dirname, '../..');

type Tokens = Awaited<ReturnType<typeof createTestTokens>>;

function latency(result: autocannon.Result) {
  return { p50Ms: result.latency.p50, p99Ms: result.latency.p99, maxMs: result.latency.max };
}

/** One storm on a fresh policy: every buyer once, the first REPEATS of them twice, shuffled. */
async function storm(name: string, baseUrl: string, seller: string, tokens: Tokens, prisma: PrismaClient) {
  const now = Date.now();
  const created = await fetch(`http://127.0.0.1:${COUPON_PORT}/coupon-policies`, {
    method: 'POST',
    headers: { authorization: seller, 'content-type': 'application/json' },
    body: JSON.stringify({
      name: `bench ${name}`,
      discountType: 'FIXED',
      discountValue: 5_000,
      totalQuantity: QUANTITY,
      claimStartsAt: new Date(now - 60_000).toISOString(),
      claimEndsAt: new Date(now + 3_600_000).toISOString(),
      validDays: 7,
    }),
  });
  const policyId = ((await created.json()) as { id: string }).id;
  const buyers = await Promise.all(
    Array.from(
      { length: BUYERS },
      async () => `Bearer ${await tokens.sign({ userId: crypto.randomUUID(), role: 'BUYER' })}`,
    ),
  );
  const attempts = [...buyers, ...buyers.slice(0, REPEATS)].sort(() => Math.random() - 0.5);
  let next = 0;
  const result = await autocannon({
    url: baseUrl,
    connections: CONNECTIONS,
    amount: attempts.length,
    requests: [
      {
        method: 'POST',
        path: `/coupon-policies/${policyId}/claims`,
        setupRequest: (request) => ({
          ...request,
          headers: { ...request.headers, authorization: attempts[next++ % attempts.length] as string },
        }),
      },
    ],
  });
  const statuses = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => [status, count ?? 0]),
  );
  const policy = await prisma.couponPolicy.findUniqueOrThrow({ where: { id: policyId } });
  const coupons = await prisma.userCoupon.count({ where: { policyId } });
  const distinctBuyers = (await prisma.userCoupon.groupBy({ by: ['buyerId'], where: { policyId } })).length;
  return {
    name,
    claims: result.requests.total,
    claimsPerSec: Math.round(result.requests.total / result.duration),
    ...latency(result),
    statuses,
    errors: result.errors,
    issued: { answered201: statuses['201'] ?? 0, issuedCount: policy.issuedCount, coupons, distinctBuyers },
  };
}

async function main() {
  const tokens = await createTestTokens();
  const jwks = http.createServer((_req, res) =>
    res.setHeader('content-type', 'application/json').end(JSON.stringify(tokens.jwks)),
  );
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', () => resolve()));
  const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`;
  const database = await createTestDatabase(path.resolve(ROOT, 'apps/coupon-service'));
  const prisma = createPrismaClient(PrismaClient, database.url, { max: 4 });
  const running: Array<{ stop: () => Promise<void> }> = [];
  const keyPrefix = `${uniqueName('couponbench')}:`;
  try {
    running.push(
      await startService(
        'apps/coupon-service',
        {
          PORT: String(COUPON_PORT),
          DATABASE_URL: database.url,
          JWKS_URL: jwksUrl,
          KAFKA_BROKERS: testEnv.kafkaBrokers.join(','),
          REDIS_URL: testEnv.redisUrl,
          REDIS_KEY_PREFIX: keyPrefix,
          // A 409 is logged at warn: 10,900 log lines would be measured along with the claims.
          LOG_LEVEL: 'error',
        },
        `http://127.0.0.1:${COUPON_PORT}/health/ready`,
      ),
    );
    running.push(
      await startService(
        'apps/gateway',
        {
          PORT: String(GATEWAY_PORT),
          JWKS_URL: jwksUrl,
          COUPON_SERVICE_URL: `http://127.0.0.1:${COUPON_PORT}`,
          RATE_LIMIT_PER_MINUTE: '100000000',
          REDIS_URL: testEnv.redisUrl,
          LOG_LEVEL: 'error',
        },
        `http://127.0.0.1:${GATEWAY_PORT}/health/ready`,
      ),
    );
    const seller = `Bearer ${await tokens.sign({ userId: crypto.randomUUID(), role: 'SELLER', sellerStatus: 'APPROVED' })}`;

    const noop = await autocannon({
      url: `http://127.0.0.1:${GATEWAY_PORT}/health/live`,
      connections: CONNECTIONS,
      duration: NOOP_DURATION_S,
    });
    const viaGateway = await storm('claims via gateway', `http://127.0.0.1:${GATEWAY_PORT}`, seller, tokens, prisma);
    const direct = await storm(
      'claims straight to coupon-service',
      `http://127.0.0.1:${COUPON_PORT}`,
      seller,
      tokens,
      prisma,
    );

    console.log(
      JSON.stringify(
        {
          bench: 'coupon-storm',
          settings: { buyers: BUYERS, repeats: REPEATS, quantity: QUANTITY, connections: CONNECTIONS },
          ceiling: {
            name: 'gateway no-op (/health/live)',
            requestsPerSec: Math.round(noop.requests.average),
            ...latency(noop),
          },
          storms: [viaGateway, direct],
          target: { claimsPerSec: 5_000, p99Ms: 50 },
        },
        null,
        2,
      ),
    );
  } finally {
    for (const service of running.reverse()) await service.stop();
    jwks.close();
    const redis = new Redis(testEnv.redisUrl);
    const keys = await redis.keys(`${keyPrefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await prisma.$disconnect();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
