/**
 * Outbox relay benchmark: throughput of one relay draining a backlog, and commit→publish latency
 * (writer's COMMIT returned → Kafka acknowledged) with LISTEN/NOTIFY wake-ups and without them.
 * Prints one JSON document. Needs the same PostgreSQL and Kafka as the tests (`npm run infra:up`).
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  createKafka,
  createLogger,
  createPrismaClient,
  defineEvent,
  ensureTopics,
  eventTopic,
  OutboxRelay,
  type OutboxRow,
  writeOutboxEvent,
} from '@sneakers/kit';
import { PrismaClient } from '@sneakers/kit/generated-client';
import { createTestDatabase, testEnv, uniqueName } from '@sneakers/kit/testing';
import { Pool } from 'pg';
import { z } from 'zod';
import { summarize } from '../support/stats';

const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 100_000);
const LATENCY_EVENTS = Number(process.env.BENCH_LATENCY_EVENTS ?? 1000);
const LATENCY_RATE_PER_S = Number(process.env.BENCH_LATENCY_RATE ?? 200);

const logger = createLogger('bench-outbox', 'warn');
const aggregateType = uniqueName('bench');
const contract = defineEvent({
  type: `${aggregateType}.happened`,
  version: 1,
  aggregateType,
  payload: z.object({ seq: z.number() }),
});

type Kafka = ReturnType<typeof createKafka>;
const kafka: Kafka = createKafka({ clientId: 'bench-outbox', brokers: testEnv.kafkaBrokers, logger });

/** Each scenario gets a fresh database, so one's dead tuples do not slow the next one down. */
async function onFreshDatabase<T>(scenario: (pool: Pool, prisma: PrismaClient) => Promise<T>): Promise<T> {
  const database = await createTestDatabase(path.resolve(__dirname, '../../packages/kit'));
  const pool = new Pool({ connectionString: database.url, max: 4 });
  const prisma = createPrismaClient(PrismaClient, database.url);
  try {
    return await scenario(pool, prisma);
  } finally {
    await prisma.$disconnect();
    await pool.end();
    await database.drop();
  }
}

async function main() {
  await ensureTopics(kafka, [{ topic: eventTopic(aggregateType), numPartitions: 6 }]);
  const throughput = await onFreshDatabase((pool) => measureThroughput(pool));
  const withWakeups = await onFreshDatabase((pool, prisma) => measureLatency(pool, prisma, true));
  const withoutWakeups = await onFreshDatabase((pool, prisma) => measureLatency(pool, prisma, false));
  console.log(
    JSON.stringify(
      {
        bench: 'outbox',
        machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
        throughput,
        commitToPublishLatency: { withWakeups, withoutWakeups: { ...withoutWakeups, pollIntervalMs: 1000 } },
        targets: { eventsPerSec: 20_000, p50MsWithWakeups: 10 },
      },
      null,
      2,
    ),
  );
}

/** A backlog written in bulk, then one relay drains it: events per second through one relay. */
async function measureThroughput(pool: Pool) {
  await pool.query(
    `INSERT INTO outbox (event_id, aggregate_type, aggregate_id, type, version, payload)
     SELECT gen_random_uuid(), $1, 'key-' || (i % 1000), $2, 1, jsonb_build_object('seq', i)
       FROM generate_series(1, $3::int) AS i`,
    [aggregateType, contract.type, BACKLOG],
  );
  let published = 0;
  let finished: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    finished = resolve;
  });
  const relay = new OutboxRelay({
    pool,
    kafka,
    logger,
    afterPublish: (rows) => {
      published += rows.length;
      if (published >= BACKLOG) finished();
    },
  });
  const started = performance.now();
  await relay.start();
  await done;
  const seconds = (performance.now() - started) / 1000;
  await relay.stop();
  return { events: BACKLOG, seconds: Math.round(seconds * 100) / 100, eventsPerSec: Math.round(BACKLOG / seconds) };
}

/** Single-event transactions at a steady rate; latency = Kafka ack time − the writer's commit time. */
async function measureLatency(pool: Pool, prisma: PrismaClient, wakeOnNotify: boolean) {
  // Ack times are kept by event id and joined afterwards: the relay may ack an event before the
  // writer's own await of its COMMIT returns, and dropping those would hide the fastest samples.
  const committedAt = new Map<string, number>();
  const ackedAt = new Map<string, number>();
  const relay = new OutboxRelay({
    pool,
    kafka,
    logger,
    wakeOnNotify,
    pollIntervalMs: 1000,
    afterPublish: (rows: OutboxRow[]) => {
      const now = performance.now();
      for (const row of rows) ackedAt.set(row.event_id, now);
    },
  });
  await relay.start();
  const gapMs = 1000 / LATENCY_RATE_PER_S;
  for (let seq = 0; seq < LATENCY_EVENTS; seq++) {
    const tickStarted = performance.now();
    const eventId = await prisma.$transaction((tx) =>
      writeOutboxEvent(tx, contract, { aggregateId: `key-${seq % 100}`, payload: { seq } }),
    );
    committedAt.set(eventId, performance.now());
    const wait = gapMs - (performance.now() - tickStarted);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  const deadline = Date.now() + 10_000;
  while (ackedAt.size < LATENCY_EVENTS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await relay.stop();
  // An ack seen before the writer's await returned counts as 0 ms: the event was out already.
  const latencies = [...committedAt].map(([id, committed]) => Math.max(0, (ackedAt.get(id) ?? Number.NaN) - committed));
  return {
    ...summarize(latencies.filter((l) => !Number.isNaN(l))),
    lost: latencies.filter(Number.isNaN).length,
    ratePerSec: LATENCY_RATE_PER_S,
  };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
