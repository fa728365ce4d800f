/**
 * Stock reservations per second on one hot SKU and spread over 1,000 SKUs, in one run, beside the
 * physical ceiling (a plain `UPDATE … SET stock = stock - 1` on one row, same concurrency); then
 * GET /products/popular latency at a fixed 5k req/s (the catalog's HTTP app, request log included,
 * in a process of its own; the load from another), with the p99 of each second and the server's CPU
 * time per request, which tell a stall of this shared machine from a slow server. Prints one JSON document.
 * Reservations go the way a crowd's orders go: order.placed events on a topic (3 partitions, keyed
 * by order) drained by the catalog's own EventConsumer and reaction (inbox rows, reservations and
 * their lines, the all-or-nothing stock move, the outbox events). For comparison, the same work
 * with one transaction per order (`applyOnce`, as before batching). Needs PostgreSQL, Redis and
 * Kafka as for the tests.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { orderPlaced } from '@sneakers/contracts';
import {
  applyOnce,
  createLogger,
  createPrismaClient,
  EventConsumer,
  prismaTransactionRunner,
  type TransactionRunner,
} from '@sneakers/kit';
import { createTestDatabase, messageOf, privateTopic, testEnv, uniqueName } from '@sneakers/kit/testing';
import { Pool } from 'pg';
import { PrismaClient } from '../../apps/catalog-service/src/generated/prisma/client';
import type { Tx } from '../../apps/catalog-service/src/prisma';
import { reserveStockWhenOrderPlaced } from '../../apps/catalog-service/src/reservation/reactions/reserve-stock-when-order-placed';
import { openLoopGetFromOwnProcess } from '../support/open-loop';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 4_000);
// Enough in flight to keep every pooled connection busy: the hot row's lock is the queue.
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const POOL = Number(process.env.BENCH_POOL ?? 20);
const SPREAD_SKUS = 1_000;
const POPULAR_RATE = Number(process.env.BENCH_POPULAR_RATE ?? 5_000);
const POPULAR_DURATION_S = Number(process.env.BENCH_DURATION_S ?? 8);
const POPULAR_WARM_UP_S = Number(process.env.BENCH_WARM_UP_S ?? 10);
const POPULAR_PORT = 3192;
const SIZES = Array.from({ length: 17 }, (_, i) => 220 + i * 5);

/** Runs `work` `total` times with `concurrency` in flight; returns per-second rate and outcomes. */
async function drive(total: number, concurrency: number, work: (i: number) => Promise<boolean>) {
  let next = 0;
  let succeeded = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        if (await work(next++)) succeeded++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { perSec: Math.round(total / seconds), succeeded, seconds: Math.round(seconds * 100) / 100 };
}

async function seed(prisma: PrismaClient, products: number, stock: number): Promise<string[]> {
  const skuIds: string[] = [];
  for (let p = 0; p < products; p++) {
    const productId = randomUUID();
    const skus = SIZES.map((sizeMm) => ({ id: randomUUID(), sizeMm, stocked: stock, available: stock }));
    await prisma.product.create({
      data: {
        id: productId,
        sellerId: randomUUID(),
        brand: 'Bench',
        modelName: `Model ${p}`,
        colorway: 'Black',
        price: 100_000 + p,
        status: 'ON_SALE',
        imageUrls: [],
        skus: { create: skus },
      },
    });
    skuIds.push(...skus.map((s) => s.id));
  }
  return skuIds;
}

const placed = (skuId: string) => {
  const orderId = randomUUID();
  const payload = {
    orderId,
    buyerId: randomUUID(),
    lines: [{ skuId, quantity: 1 }],
    placedAt: new Date().toISOString(),
  };
  return { orderId, payload };
};

/** One transaction per order, `CONCURRENCY` at a time. */
async function reservationsOneByOne(runInTransaction: TransactionRunner<Tx>, pickSku: (i: number) => string) {
  return drive(ORDERS, CONCURRENCY, async (i) => {
    const { orderId, payload } = placed(pickSku(i));
    await applyOnce(runInTransaction, 'bench', reserveStockWhenOrderPlaced, {
      eventId: randomUUID(),
      type: orderPlaced.type,
      version: orderPlaced.version,
      aggregateType: orderPlaced.aggregateType,
      aggregateId: orderId,
      occurredAt: new Date().toISOString(),
      payload,
    });
    return true;
  });
}

/** `ORDERS` order.placed events published at once, until the catalog's consumer has decided them all. */
async function reservationsThroughConsumer(runInTransaction: TransactionRunner<Tx>, pickSku: (i: number) => string) {
  const logger = createLogger('hot-sku-bench', 'warn');
  const bus = await privateTopic(logger, 'hotsku');
  const consumer = new EventConsumer<Tx>({
    kafka: bus.kafka,
    groupId: bus.groupId,
    topics: [bus.topic],
    reactions: [reserveStockWhenOrderPlaced],
    runInTransaction,
    logger,
  });
  try {
    await consumer.start();
    await consumer.waitUntilJoined();
    const messages = Array.from({ length: ORDERS }, (_, i) => {
      const { orderId, payload } = placed(pickSku(i));
      return messageOf(orderPlaced, orderId, payload);
    });
    const started = performance.now();
    for (let i = 0; i < messages.length; i += 1_000) await bus.send(...messages.slice(i, i + 1_000));
    await bus.caughtUp();
    const seconds = (performance.now() - started) / 1000;
    return { perSec: Math.round(ORDERS / seconds), seconds: Math.round(seconds * 100) / 100 };
  } finally {
    await consumer.stop();
    await bus.close();
  }
}

async function cpuTimeOf(server: ChildProcess): Promise<NodeJS.CpuUsage> {
  const answer = new Promise<NodeJS.CpuUsage>((resolve) =>
    server.once('message', (message: { cpu: NodeJS.CpuUsage }) => resolve(message.cpu)),
  );
  server.send('cpu');
  return answer;
}

async function popularLatency(databaseUrl: string) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'popular-server.ts')], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      REDIS_URL: testEnv.redisUrl,
      REDIS_PREFIX: `${uniqueName('catalogbench')}:`,
      PORT: String(POPULAR_PORT),
      OTEL_TRACES_EXPORTER: 'none',
    },
    // Its request log (one line per request, as the service writes it) goes nowhere.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`popular server exited with ${code}`)));
    });
    const url = `http://127.0.0.1:${POPULAR_PORT}/products/popular`;
    const cpuBefore = await cpuTimeOf(child);
    // Warm-up at the rate first: JIT, connections, the first answer cached.
    const result = await openLoopGetFromOwnProcess(url, POPULAR_RATE, POPULAR_DURATION_S, POPULAR_WARM_UP_S);
    const cpu = await cpuTimeOf(child);
    if (result.failures > 0) throw new Error(`popular: ${result.failures} requests failed`);
    const requests = POPULAR_RATE * (POPULAR_WARM_UP_S + POPULAR_DURATION_S);
    const cpuUs = cpu.user + cpu.system - cpuBefore.user - cpuBefore.system;
    return { ...result, serverCpuUsPerRequestWithWarmUp: Math.round(cpuUs / requests) };
  } finally {
    child.kill('SIGTERM');
  }
}

async function main() {
  const database = await createTestDatabase(path.resolve(__dirname, '../../apps/catalog-service'));
  const prisma = createPrismaClient(PrismaClient, database.url, { max: POOL });
  const pool = new Pool({ connectionString: database.url, max: POOL });
  try {
    const runInTransaction = prismaTransactionRunner<Tx>(prisma, { maxWaitMs: 120_000, timeoutMs: 60_000 });
    const [hot] = await seed(prisma, 1, ORDERS * 10);
    const spread = (await seed(prisma, Math.ceil(SPREAD_SKUS / SIZES.length), ORDERS)).slice(0, SPREAD_SKUS);
    const hotOnly = () => hot as string;
    const spreadOut = (i: number) => spread[i % spread.length] as string;
    await reservationsOneByOne(runInTransaction, hotOnly); // warm-up: JIT, pool, plans

    const hotSku = await reservationsThroughConsumer(runInTransaction, hotOnly);
    const spreadSkus = await reservationsThroughConsumer(runInTransaction, spreadOut);
    const hotSkuOneByOne = await reservationsOneByOne(runInTransaction, hotOnly);
    const spreadSkusOneByOne = await reservationsOneByOne(runInTransaction, spreadOut);

    await pool.query('CREATE TABLE ceiling_stock (id int PRIMARY KEY, stock int NOT NULL)');
    await pool.query('INSERT INTO ceiling_stock VALUES (1, 1000000000)');
    const ceiling = await drive(ORDERS, CONCURRENCY, async () => {
      await pool.query('UPDATE ceiling_stock SET stock = stock - 1 WHERE id = 1');
      return true;
    });

    // Sales for the ranking: 200 products over the last three days.
    await pool.query(`
      INSERT INTO daily_product_sales (day, product_id, units)
      SELECT (now() AT TIME ZONE 'Asia/Seoul')::date - d, p.id, (random() * 100)::int + 1
      FROM products p, generate_series(0, 2) d`);
    const popular = await popularLatency(database.url);

    const rate = (r: { perSec: number }) => r.perSec;
    console.log(
      JSON.stringify(
        {
          bench: 'hot-sku',
          orders: ORDERS,
          concurrency: CONCURRENCY,
          pool: POOL,
          reservationsPerSec: { hotSku: rate(hotSku), spreadOver1000Skus: rate(spreadSkus) },
          oneTransactionPerOrderPerSec: { hotSku: rate(hotSkuOneByOne), spreadOver1000Skus: rate(spreadSkusOneByOne) },
          ceilingPlainUpdatePerSec: rate(ceiling),
          hotSkuShareOfCeiling: Math.round((rate(hotSku) / rate(ceiling)) * 100) / 100,
          popular,
        },
        null,
        2,
      ),
    );
  } finally {
    await pool.end();
    await prisma.$disconnect();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
