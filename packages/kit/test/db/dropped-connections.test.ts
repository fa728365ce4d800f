import path from 'node:path';
import { Client, Pool } from 'pg';
import { createKafka, ensureTopics, eventTopic, OutboxRelay, PgChangeWaiter, writeOutboxEvent } from '../../src';
import { createServiceDatabase, pgTransactionRunner, type SqlExecutor } from '../../src/db';
import { PrismaClient } from '../../src/generated/prisma/client';
import { createTestDatabase, eventually, type TestDatabase, testEnv, uniqueName } from '../../src/testing';
import { counterContracts, logger } from '../support/counter-fixture';

// The configured connections: the service's pool (Prisma's and pg's transactions share it), the
// relay's pool, and two dedicated LISTEN connections.
const PRISMA_POOL = 3;
const RELAY_POOL = 2;
const LISTENERS = 2;
const CHANNEL = 'test_changed';

/**
 * PostgreSQL drops every connection of a database (restart, failover, an idle reaper, an operator's
 * pg_terminate_backend) while the relay waits for Kafka's ack, a waiter listens and Prisma writes.
 * Nothing may crash, leak or stay broken.
 */
describe('Every connection to the database dropped, repeatedly', () => {
  let database: TestDatabase;
  let admin: Client;
  let prisma: PrismaClient;
  let onPg: <R>(work: (tx: SqlExecutor) => Promise<R>) => Promise<R>;
  let relayPool: Pool;
  let relay: OutboxRelay;
  let waiter: PgChangeWaiter;
  const contracts = counterContracts(uniqueName('c'));
  const kafka = createKafka({ clientId: 'dropped-connections-test', brokers: testEnv.kafkaBrokers, logger });
  const name = () => new URL(database.url).pathname.slice(1);
  const count = async (where = 'true') =>
    (
      await admin.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND ${where}`,
        [name()],
      )
    ).rows[0]?.n ?? 0;

  beforeAll(async () => {
    database = await createTestDatabase(path.resolve(__dirname, '../..'));
    admin = new Client({ connectionString: testEnv.databaseAdminUrl });
    await admin.connect();
    await ensureTopics(kafka, [{ topic: eventTopic(contracts.incremented.aggregateType), numPartitions: 1 }]);
    const service = createServiceDatabase(PrismaClient, database.url, { max: PRISMA_POOL, logger });
    prisma = service.prisma;
    onPg = pgTransactionRunner(service.pool);
    relayPool = new Pool({ connectionString: database.url, max: RELAY_POOL });
    relayPool.on('error', () => undefined);
  }, 60_000);
  afterAll(async () => {
    await relay?.stop();
    await waiter?.stop();
    await prisma.$disconnect();
    await relayPool.end();
    await admin.end();
    await database.drop();
  });

  it('When every backend is terminated 5 times under load, then the process lives, work resumes and the connections stay within the pools plus the listeners', async () => {
    // Kafka's ack takes a while: the relay holds its pooled client idle in a transaction meanwhile.
    relay = new OutboxRelay({
      pool: relayPool,
      kafka,
      logger,
      pollIntervalMs: 100,
      afterPublish: () => new Promise((resolve) => setTimeout(resolve, 150)),
    });
    await relay.start();
    // A long fallback poll: a quick wake-up below can only come from a notification.
    waiter = new PgChangeWaiter(database.url, CHANNEL, logger, 60_000);
    await waiter.start();

    let seq = 0;
    let writing = true;
    // Through Prisma's transactions and through pg's, side by side on the one pool.
    const writesThrough = (runInTransaction: <R>(work: (tx: SqlExecutor) => Promise<R>) => Promise<R>) =>
      (async () => {
        while (writing) {
          await runInTransaction((tx) =>
            writeOutboxEvent(tx, contracts.incremented, { aggregateId: 'k', payload: { seq: ++seq } }),
          ).catch(() => undefined); // writes fail while the connections are down; that is the fault
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      })();
    const writes = Promise.all([writesThrough((work) => prisma.$transaction(work)), writesThrough(onPg)]);
    let most = 0;
    const sampling = setInterval(() => void count().then((n) => (most = Math.max(most, n))), 20);

    try {
      for (let round = 1; round <= 5; round++) {
        await eventually(
          'the relay busy with a batch',
          () => count("state = 'idle in transaction' AND query LIKE '%FROM outbox WHERE id <=%'"),
          (n) => n > 0,
          {
            intervalMs: 5,
          },
        );
        await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name()]);
        await eventually(
          'both LISTEN connections back, and only them',
          () => count("query LIKE 'LISTEN%'"),
          (n) => n === LISTENERS,
          {
            timeoutMs: 10_000,
          },
        );
      }
      expect(most).toBeLessThanOrEqual(PRISMA_POOL + RELAY_POOL + LISTENERS);

      const woke = waiter.waitForChange('row-1', 30_000);
      const notified = Date.now();
      await prisma.$executeRawUnsafe(`SELECT pg_notify('${CHANNEL}', 'row-1')`);
      await woke;
      expect(Date.now() - notified).toBeLessThan(2000);
    } finally {
      writing = false;
      await writes;
      clearInterval(sampling);
    }
    await eventually(
      'every row written published',
      async () =>
        Number((await prisma.$queryRawUnsafe<Array<{ n: bigint }>>('SELECT count(*) AS n FROM outbox'))[0]?.n),
      (n) => n === 0,
      {
        timeoutMs: 15_000,
      },
    );
    expect(most).toBeLessThanOrEqual(PRISMA_POOL + RELAY_POOL + LISTENERS);
    // Both kinds of transaction work again on the pool they share.
    const selectOne = async (tx: SqlExecutor) => tx.$executeRawUnsafe('SELECT 1');
    await Promise.all([prisma.$transaction(selectOne), onPg(selectOne)]);
  }, 60_000);
});
