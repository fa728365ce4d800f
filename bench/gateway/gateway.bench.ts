/**
 * Gateway hop cost: GET /wallet through the gateway vs. straight to payment-service, beside a no-op
 * gateway route (/health/live) as its ceiling, in one run. Services run as separate processes, as in
 * production; autocannon drives them from this one. Each measurement prints the load average it
 * started at and the CPU each process spent per request (from /proc: gateway, payment-service,
 * PostgreSQL, Redis, this load generator), so a change shows where it moved the cost. Prints one
 * JSON document.
 * Needs PostgreSQL, Redis and Kafka as for the tests (`npm run infra:up`).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createTestDatabase, createTestTokens, startService, testEnv } from '@sneakers/kit/testing';
import autocannon from 'autocannon';
import { loadAverage, processes, processesNamed, startCpuMeter, type WatchedProcesses } from '../support/process-cpu';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 8);
// Two load levels: one connection shows what the hop costs; 32 show throughput once the two cores
// (services, PostgreSQL, Redis, Kafka and this load generator together) are saturated.
const LOAD_LEVELS = (process.env.BENCH_CONNECTIONS ?? '1,32').split(',').map(Number);
const PAYMENT_PORT = 3105;
const GATEWAY_PORT = 3100;

// Issue 17's goal for GET /wallet through the gateway, at 32 connections.
const TARGET = {
  connections: 32,
  viaGatewayRequestsPerSec: 6_000,
  shareOfNoopCeiling: 0.4,
  p99Ms: 15,
  gatewayCpuMsOverNoop: 0.1,
};

async function measure(
  name: string,
  url: string,
  headers: Record<string, string>,
  connections: number,
  watched: WatchedProcesses[],
) {
  const loadAverageBefore = loadAverage();
  const cpu = startCpuMeter(watched);
  const result = await autocannon({ url, headers, connections, duration: DURATION_S });
  const cpuMsPerRequest = cpu.per(result.requests.total);
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return {
    name,
    connections,
    loadAverageBefore,
    requestsPerSec: Math.round(result.requests.average),
    meanMs: Math.round(result.latency.average * 100) / 100,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    cpuMsPerRequest,
  };
}

async function main() {
  const tokens = await createTestTokens();
  // The services fetch keys from a JWKS URL; this one serves the bench's own test key.
  const jwks = http.createServer((_req, res) =>
    res.setHeader('content-type', 'application/json').end(JSON.stringify(tokens.jwks)),
  );
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', () => resolve()));
  const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`;
  const database = await createTestDatabase(path.resolve(__dirname, '../../apps/payment-service'));
  const running: Array<{ stop: () => Promise<void> }> = [];
  try {
    const payment = await startService(
      'apps/payment-service',
      {
        PORT: String(PAYMENT_PORT),
        DATABASE_URL: database.url,
        JWKS_URL: jwksUrl,
        KAFKA_BROKERS: testEnv.kafkaBrokers.join(','),
      },
      `http://127.0.0.1:${PAYMENT_PORT}/health/ready`,
    );
    running.push(payment);
    const gateway = await startService(
      'apps/gateway',
      {
        PORT: String(GATEWAY_PORT),
        JWKS_URL: jwksUrl,
        PAYMENT_SERVICE_URL: `http://127.0.0.1:${PAYMENT_PORT}`,
        RATE_LIMIT_PER_MINUTE: '100000000',
        REDIS_URL: testEnv.redisUrl,
      },
      `http://127.0.0.1:${GATEWAY_PORT}/health/ready`,
    );
    running.push(gateway);
    const watched = [
      processes('gateway', gateway.pid),
      processes('payment-service', payment.pid),
      processesNamed('postgresql', 'postgres'),
      processesNamed('redis', 'redis-server'),
      processes('load generator', process.pid),
    ];
    const auth = { authorization: `Bearer ${await tokens.sign({ userId: crypto.randomUUID(), role: 'BUYER' })}` };
    await fetch(`http://127.0.0.1:${PAYMENT_PORT}/wallet`, { headers: auth }); // opens the wallet, warms up
    const levels = [];
    let met: Record<string, boolean> | undefined;
    for (const connections of LOAD_LEVELS) {
      const noop = await measure(
        'gateway no-op (/health/live)',
        `http://127.0.0.1:${GATEWAY_PORT}/health/live`,
        {},
        connections,
        watched,
      );
      const direct = await measure(
        'GET /wallet direct',
        `http://127.0.0.1:${PAYMENT_PORT}/wallet`,
        auth,
        connections,
        watched,
      );
      const viaGateway = await measure(
        'GET /wallet via gateway',
        `http://127.0.0.1:${GATEWAY_PORT}/wallet`,
        auth,
        connections,
        watched,
      );
      const gatewayCpu = (run: typeof noop) => run.cpuMsPerRequest.msPerUnit.gateway ?? 0;
      const viaGatewayShareOfNoop = Math.round((viaGateway.requestsPerSec / noop.requestsPerSec) * 1000) / 1000;
      // What forwarding adds to the gateway's own CPU over answering by itself.
      const gatewayCpuMsOverNoop = Math.round((gatewayCpu(viaGateway) - gatewayCpu(noop)) * 1000) / 1000;
      levels.push({
        connections,
        results: [noop, direct, viaGateway],
        gatewayHopP50Ms: viaGateway.p50Ms - direct.p50Ms,
        gatewayHopMeanMs: Math.round((viaGateway.meanMs - direct.meanMs) * 100) / 100,
        viaGatewayShareOfNoop,
        gatewayCpuMsOverNoop,
      });
      if (connections === TARGET.connections)
        met = {
          viaGatewayRequestsPerSec: viaGateway.requestsPerSec >= TARGET.viaGatewayRequestsPerSec,
          shareOfNoopCeiling: viaGatewayShareOfNoop >= TARGET.shareOfNoopCeiling,
          p99Ms: viaGateway.p99Ms <= TARGET.p99Ms,
          gatewayCpuMsOverNoop: gatewayCpuMsOverNoop <= TARGET.gatewayCpuMsOverNoop,
        };
    }
    console.log(
      JSON.stringify(
        {
          bench: 'gateway',
          settings: { durationS: DURATION_S },
          machine: { node: process.version },
          levels,
          target: TARGET,
          met,
        },
        null,
        2,
      ),
    );
  } finally {
    for (const service of running.reverse()) await service.stop();
    jwks.close();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
