/**
 * Checkout end to end: N buyers with balance place an order and pay through the gateway, all at
 * once. The five services and the gateway run as separate processes (as in production) on a private
 * Kafka broker; this process only drives them. Per order it measures place→AWAITING_PAYMENT (a POST
 * /orders with `Prefer: wait`, answered once stock and coupon are settled) and place→PAID (then pay,
 * and hold a GET with that answer's ETag in `If-None-Match` until the order changes, as a client
 * waiting for its receipt does; the order's `updatedAt` is when it became PAID), and the CPU each
 * process spent per paid order (from /proc: gateway, each service, the broker, PostgreSQL, Redis,
 * this driver), and for the measured round the work per paid order in counts the host's speed does
 * not move (bench/support/work-counts.ts). The crowd checks out BENCH_WARM_UP_ROUNDS times (1)
 * before the measured round, each buyer once per round; the first round is printed too. Prints one
 * JSON document.
 * Needs PostgreSQL and Redis as for the tests (`npm run infra:up`); Kafka is started here.
 */
import { randomUUID } from 'node:crypto';
import { brokerPid, startService, testEnv } from '@sneakers/kit/testing';
import {
  buyerWithBalance,
  placeAndSettle,
  sneakerOnSale,
  startPlatform,
} from '../../apps/gateway/test/support/platform';
import { loadAverage, processes, processesNamed, startCpuMeter, type WatchedProcesses } from '../support/process-cpu';
import { summarize } from '../support/stats';
import { startWorkCounts, type WorkCountsOptions } from '../support/work-counts';

const BUYERS = Number(process.env.BENCH_BUYERS ?? 300);
// A drop hits a shop that has been running: rounds of the same crowd before the measured one, so V8
// and the broker's JIT have compiled the checkout's paths (0 measures processes just started).
const WARM_UP_ROUNDS = Number(process.env.BENCH_WARM_UP_ROUNDS ?? 1);
const SETUP_CONCURRENCY = 20;
const PRICE = 100_000;
const KAFKA_PORT = 19692;
const PORTS = { user: 3501, catalog: 3502, coupon: 3503, order: 3504, payment: 3505 } as const;
const GATEWAY_PORT = 3500;
const GATEWAY = `http://127.0.0.1:${GATEWAY_PORT}`;
async function mapWithConcurrency<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function call(
  method: string,
  path: string,
  authorization: string,
  { headers = {}, body }: { headers?: Record<string, string>; body?: object } = {},
) {
  const res = await fetch(`${GATEWAY}${path}`, {
    method,
    headers: { authorization, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  const etag = res.headers.get('etag') ?? undefined;
  const json = (await res.json().catch(() => ({}))) as {
    id?: string;
    status?: string;
    updatedAt?: string;
    code?: string;
  };
  return { status: res.status, etag, body: json };
}

/** Places, pays and waits for the receipt; resolves with when the order became PAID. */
async function checkout(authorization: string, skuId: string) {
  const startedAt = Date.now();
  const start = performance.now();
  // The answer waits until stock and coupon are settled, so the buyer sees AWAITING_PAYMENT at once.
  const placed = await call('POST', '/orders', authorization, {
    headers: { 'idempotency-key': randomUUID(), prefer: 'wait=10' },
    body: { lines: [{ skuId, quantity: 1 }] },
  });
  if (placed.status !== 202 || !placed.body.id) throw new Error(`POST /orders: ${placed.status} ${placed.body.code}`);
  const orderPath = `/orders/${placed.body.id}`;
  let shown = placed;
  while (shown.body.status === 'PENDING') {
    shown = await call('GET', orderPath, authorization, { headers: { prefer: 'wait=10' } });
    if (shown.status !== 200) throw new Error(`GET ${orderPath}: ${shown.status} ${shown.body.code}`);
  }
  if (shown.body.status !== 'AWAITING_PAYMENT') throw new Error(`order ${placed.body.id} is ${shown.body.status}`);
  const awaitingMs = performance.now() - start;
  const paid = await call('POST', `${orderPath}/payment`, authorization, {
    headers: { 'idempotency-key': randomUUID() },
  });
  if (paid.status !== 201) throw new Error(`payment of ${placed.body.id}: ${paid.status} ${paid.body.code}`);
  for (;;) {
    // Without the tag the GET would answer at once, and this loop would poll as fast as it can.
    if (!shown.etag) throw new Error(`${orderPath}: answered without an ETag`);
    const held = { prefer: 'wait=10', 'if-none-match': shown.etag };
    const res = await call('GET', orderPath, authorization, { headers: held });
    if (res.status === 200) shown = res;
    else if (res.status !== 304) throw new Error(`GET ${orderPath}: ${res.status} ${res.body.code}`);
    if (shown.body.status === 'PAID')
      return { startedAt, awaitingMs, paidAt: Date.parse(shown.body.updatedAt as string) };
    if (shown.body.status !== 'AWAITING_PAYMENT') throw new Error(`${orderPath} is ${shown.body.status}`);
  }
}

/**
 * Every buyer checks out once, all at once; what it took, and the CPU of each process per paid order
 * (and, given `countWork`, the transactions, rows and Kafka records per paid order).
 */
async function checkoutRound(
  buyers: Array<{ authorization: string; skuId: string }>,
  watched: WatchedProcesses[],
  countWork?: WorkCountsOptions,
) {
  const counts = countWork && (await startWorkCounts(countWork));
  const loadAverageBefore = loadAverage();
  const cpu = startCpuMeter(watched);
  const startedAt = Date.now();
  const results = await Promise.all(buyers.map((buyer) => checkout(buyer.authorization, buyer.skuId)));
  const wallMs = Math.max(...results.map((r) => r.paidAt)) - startedAt;
  return {
    loadAverageBefore,
    orders: results.length,
    wallMs: Math.round(wallMs),
    ordersPerSec: Math.round((buyers.length / wallMs) * 1000 * 10) / 10,
    placeToAwaitingPayment: summarize(results.map((r) => r.awaitingMs)),
    placeToPaid: summarize(results.map((r) => r.paidAt - r.startedAt)),
    cpuMsPerOrder: cpu.per(buyers.length),
    ...(counts && { workPerOrder: await counts.per(buyers.length) }),
  };
}

async function main() {
  const platform = await startPlatform({ kafkaPort: KAFKA_PORT, ports: PORTS });
  const running: Array<{ stop: () => Promise<void> }> = [];
  try {
    const gateway = await startService(
      'apps/gateway',
      {
        PORT: String(GATEWAY_PORT),
        JWKS_URL: platform.jwksUrl,
        REDIS_URL: testEnv.redisUrl,
        RATE_LIMIT_PER_MINUTE: '100000000',
        // A `Prefer: wait=10` GET is held up to 10 s upstream; the default 10 s would cut it off.
        UPSTREAM_TIMEOUT_MS: '15000',
        LOG_LEVEL: 'error',
        USER_SERVICE_URL: platform.url('user'),
        CATALOG_SERVICE_URL: platform.url('catalog'),
        COUPON_SERVICE_URL: platform.url('coupon'),
        ORDER_SERVICE_URL: platform.url('order'),
        PAYMENT_SERVICE_URL: platform.url('payment'),
      },
      `${GATEWAY}/health/ready`,
    );
    running.push(gateway);
    // Set-up (not measured) goes through the in-process gateway; enough stock for every round, over 3 sizes.
    const sizes = [260, 270, 280].map((sizeMm) => ({ sizeMm, stock: BUYERS * (WARM_UP_ROUNDS + 1) + 1 }));
    const { skuIds } = await sneakerOnSale(platform, PRICE, sizes);
    const buyers = await mapWithConcurrency(
      Array.from({ length: BUYERS }, (_, i) => i),
      SETUP_CONCURRENCY,
      async (i) => ({
        authorization: await buyerWithBalance(platform, PRICE * (WARM_UP_ROUNDS + 1)),
        skuId: skuIds[i % skuIds.length] as string,
      }),
    );
    // One checkout first, so the consumer groups of the fresh broker have joined before timing.
    const warmUp = await buyerWithBalance(platform, PRICE);
    const warm = await placeAndSettle(platform, warmUp, { lines: [{ skuId: skuIds[0], quantity: 1 }] });
    if (warm.status !== 'AWAITING_PAYMENT') throw new Error(`warm-up order is ${warm.status}`);

    const watched = [
      processes('gateway', gateway.pid),
      ...Object.entries(platform.pids).map(([name, pid]) => processes(`${name}-service`, pid)),
      processes('kafka broker', brokerPid({ port: KAFKA_PORT })),
      processesNamed('postgresql', 'postgres'),
      processesNamed('redis', 'redis-server'),
      processes('load driver', process.pid),
    ];
    const countWork = { databases: platform.databaseUrls, brokers: [`127.0.0.1:${KAFKA_PORT}`] };
    const rounds: Array<Awaited<ReturnType<typeof checkoutRound>>> = [];
    for (let round = 0; round <= WARM_UP_ROUNDS; round++) {
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, 2_000)); // the last round's events are through
      rounds.push(await checkoutRound(buyers, watched, round === WARM_UP_ROUNDS ? countWork : undefined));
    }
    const measured = rounds[rounds.length - 1] as Awaited<ReturnType<typeof checkoutRound>>;
    const target = {
      ordersPerSec: 200,
      placeToAwaitingPaymentP99Ms: 1000,
      placeToPaidP99Ms: 2000,
      machineCpuMsPerOrder: 10,
    };
    console.log(
      JSON.stringify(
        {
          bench: 'checkout',
          settings: { buyers: BUYERS, warmUpRounds: WARM_UP_ROUNDS },
          machine: { loadAverageBefore: measured.loadAverageBefore, node: process.version },
          // The same crowd on processes just started (their code not yet optimised by V8 or the JVM).
          ...(WARM_UP_ROUNDS > 0 ? { firstRound: rounds[0] } : {}),
          results: measured,
          target,
          met: {
            ordersPerSec: measured.ordersPerSec >= target.ordersPerSec,
            placeToAwaitingPaymentP99Ms: measured.placeToAwaitingPayment.p99Ms <= target.placeToAwaitingPaymentP99Ms,
            placeToPaidP99Ms: measured.placeToPaid.p99Ms <= target.placeToPaidP99Ms,
            machineCpuMsPerOrder: measured.cpuMsPerOrder.machineMsPerUnit <= target.machineCpuMsPerOrder,
          },
        },
        null,
        2,
      ),
    );
  } finally {
    for (const service of running.reverse()) await service.stop();
    await platform.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
