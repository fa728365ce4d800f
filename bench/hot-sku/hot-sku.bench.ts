/**
 * Stock reservations per second on one hot SKU and spread over 1,000 SKUs, in one run, beside the
 * physical ceiling (a plain `UPDATE … SET stock = stock - 1` on one row, same concurrency); then
 * GET /products/popular latency at a fixed 5k req/s. Prints one JSON document.
 * A reservation here is exactly what the consumer does per order.placed: the inbox row, the
 * reservation and its lines, the all-or-nothing stock move and the outbox event, in one transaction.
 * Needs PostgreSQL and Redis as for the tests.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { applyOnce, createPrismaClient, type TransactionRunner } from '@sneakers/shared';
import { createTestDatabase, testEnv, uniqueName } from '@sneakers/shared/testing';
import autocannon from 'autocannon';
import { Pool } from 'pg';
import { PrismaClient } from '../../apps/catalog-service/src/generated/prisma/client';
import type { Tx } from '../../apps/catalog-service/src/prisma';
import { reserveStockWhenOrderPlaced } from '../../apps/catalog-service/src/reservation/reactions/reserve-stock-when-order-placed';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 4_000);
// Enough in flight to keep every pooled connection busy: the hot row's lock is the queue.
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const POOL = Number(process.env.BENCH_POOL ?? 20);
const SPREAD_SKUS = 1_000;
const POPULAR_RATE = Number(process.env.BENCH_POPULAR_RATE ?? 5_000);
const POPULAR_DURATION_S = Number(process.env.BENCH_DURATION_S ?? 8);
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

async function reservations(runInTransaction: TransactionRunner<Tx>, pickSku: (i: number) => string) {
  return drive(ORDERS, CONCURRENCY, async (i) => {
    const orderId = randomUUID();
    await applyOnce(runInTransaction, 'bench', reserveStockWhenOrderPlaced, {
      eventId: randomUUID(),
      type: 'order.placed',
      version: 1,
      aggregateType: 'order',
      aggregateId: orderId,
      occurredAt: new Date().toISOString(),
      payload: {
        orderId,
        buyerId: randomUUID(),
        lines: [{ skuId: pickSku(i), quantity: 1 }],
        placedAt: new Date().toISOString(),
      },
    });
    return true;
  });
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
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      child.once('exit', (code) => reject(new Error(`popular server exited with ${code}`)));
    });
    const url = `http://127.0.0.1:${POPULAR_PORT}/products/popular`;
    await autocannon({ url, connections: 10, amount: 2_000 }); // warm-up
    const result = await autocannon({ url, connections: 64, overallRate: POPULAR_RATE, duration: POPULAR_DURATION_S });
    if (result.non2xx > 0 || result.errors > 0)
      throw new Error(`popular: ${result.non2xx} non-2xx, ${result.errors} errors`);
    return {
      targetRps: POPULAR_RATE,
      achievedRps: Math.round(result.requests.average),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      maxMs: result.latency.max,
      requests: result.requests.total,
    };
  } finally {
    child.kill('SIGTERM');
  }
}

async function main() {
  const database = await createTestDatabase(path.resolve(__dirname, '../../apps/catalog-service'));
  const prisma = createPrismaClient(PrismaClient, database.url, POOL);
  const pool = new Pool({ connectionString: database.url, max: POOL });
  try {
    const runInTransaction: TransactionRunner<Tx> = (work) =>
      prisma.$transaction(work, { maxWait: 120_000, timeout: 60_000 });
    const [hot] = await seed(prisma, 1, ORDERS * 10);
    const spread = (await seed(prisma, Math.ceil(SPREAD_SKUS / SIZES.length), ORDERS)).slice(0, SPREAD_SKUS);
    await reservations(runInTransaction, () => hot as string); // warm-up: JIT, pool, plans

    const hotSku = await reservations(runInTransaction, () => hot as string);
    const spreadSkus = await reservations(runInTransaction, (i) => spread[i % spread.length] as string);

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
