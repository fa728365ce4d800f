import path from 'node:path';
import { Router } from 'express';
import pino from 'pino';
import request from 'supertest';
import { AppError, createHttpApp, handle, type RouteContract } from '../../src';
import {
  closeServiceDatabase,
  createPrismaClient,
  createServiceDatabase,
  pgSqlExecutor,
  pgTransactionRunner,
  prismaTransactionRunner,
  type ServiceDatabase,
  type SqlExecutor,
  type TransactionLimits,
  type TransactionRunner,
} from '../../src/db';
import { PrismaClient } from '../../src/generated/prisma/client';
import { createTestDatabase, type TestDatabase } from '../../src/testing';

const SHARED_DIR = path.resolve(__dirname, '../..');

/** An app whose one public route, `/things`, does `work` and answers 200 with an empty body. */
function appServing(method: 'get' | 'post', work: () => Promise<void>) {
  const route = {
    service: 'order-service',
    method,
    path: '/things',
    summary: 'test',
    tag: 'Test',
    access: 'public',
    responses: { 200: { description: 'done' } },
  } satisfies RouteContract;
  const router = Router();
  handle(router, route, async () => {
    await work();
    return { status: 200, body: {} };
  });
  return createHttpApp({ logger: pino({ level: 'silent' }), readiness: [], routes: [router] });
}

type RunnerOn = (database: ServiceDatabase<PrismaClient>, limits: TransactionLimits) => TransactionRunner<SqlExecutor>;

// The same guarantees whichever a service runs its transactions on.
const RUNNERS: Array<[string, RunnerOn]> = [
  ["Prisma's interactive transactions", ({ prisma }, limits) => prismaTransactionRunner(prisma, limits)],
  ['pg itself', ({ pool }, limits) => pgTransactionRunner(pool, limits)],
];

/** Starts a transaction that holds the pool's only connection; resolves to what lets it go. */
async function holdTheConnection(runOn: TransactionRunner<SqlExecutor>): Promise<() => Promise<void>> {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let held = () => {};
  const holding = new Promise<void>((resolve) => {
    held = resolve;
  });
  const done = runOn(async (tx) => {
    await tx.$executeRawUnsafe('SELECT 1');
    held();
    await released;
  });
  await holding;
  return async () => {
    release();
    await done;
  };
}

describe.each(RUNNERS)('Transactions on %s when every database connection is busy', (_, runnerOn) => {
  let database: TestDatabase;
  let prisma: PrismaClient;
  let runInTransaction: () => TransactionRunner<SqlExecutor>;
  let holdTheOnlyConnection: () => Promise<() => Promise<void>>;
  const written = async () =>
    Number(
      ((await prisma.$queryRawUnsafe('SELECT count(*)::int AS n FROM idempotency_keys')) as Array<{ n: number }>)[0]?.n,
    );
  const writeKey = (key: string) => async (tx: SqlExecutor) => {
    await tx.$executeRawUnsafe("INSERT INTO idempotency_keys (scope, key, fingerprint) VALUES ('test', $1, 'f')", key);
  };

  beforeAll(async () => {
    database = await createTestDatabase(SHARED_DIR);
    const service = createServiceDatabase(PrismaClient, database.url, { max: 1 });
    prisma = service.prisma;
    runInTransaction = () => runnerOn(service, { maxWaitMs: 300, timeoutMs: 5_000 });
    holdTheOnlyConnection = () => holdTheConnection(runnerOn(service, { maxWaitMs: 5_000, timeoutMs: 10_000 }));
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await database?.drop();
  });

  it('When no connection frees up in time, then the work never runs and the caller gets a retryable 503', async () => {
    const letGo = await holdTheOnlyConnection();
    let ran = false;

    const failure = await runInTransaction()(async (tx) => {
      ran = true;
      await writeKey('crowded')(tx);
    }).catch((error: unknown) => error);
    await letGo();

    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: 'HTTP.SERVICE_BUSY', status: 503, retryAfterSeconds: 1 });
    expect(ran).toBe(false);
    expect(await written()).toBe(0);
  });

  it('When the connection frees up, then the same work goes through', async () => {
    await runInTransaction()(writeKey('after'));

    expect(await written()).toBe(1);
  });

  it('When the work itself fails, then its own error comes out unchanged', async () => {
    const failure = await runInTransaction()(async (tx) => {
      await tx.$executeRawUnsafe('SELECT * FROM no_such_table');
    }).catch((error: unknown) => error);

    expect(failure).not.toBeInstanceOf(AppError);
    expect(String(failure)).toContain('no_such_table');
  });

  it('When a request finds the service busy, then it is answered 503 problem+json with Retry-After', async () => {
    const app = appServing('post', async () => {
      await runInTransaction()(writeKey('over-http'));
    });
    const letGo = await holdTheOnlyConnection();

    const res = await request(app).post('/things').send({});
    await letGo();

    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.body).toMatchObject({ type: 'https://sneakers.example/problems/http/service-busy', status: 503 });
    expect(await written()).toBe(1);
  });
});

/** A fresh database with its Prisma client and pool, for one describe block. */
function useServiceDatabase(): () => ServiceDatabase<PrismaClient> {
  let database: TestDatabase | undefined;
  let service: ServiceDatabase<PrismaClient> | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(SHARED_DIR);
    service = createServiceDatabase(PrismaClient, database.url, { max: 2 });
  });
  afterAll(async () => {
    if (service) await closeServiceDatabase(service);
    await database?.drop();
  });
  return () => service as ServiceDatabase<PrismaClient>;
}

describe('A transaction on pg itself that outlives its time limit', () => {
  const database = useServiceDatabase();

  const runInTransaction = () => pgTransactionRunner(database().pool, { maxWaitMs: 1_000, timeoutMs: 300 });
  const insertSlow = async (tx: SqlExecutor) =>
    tx.$executeRawUnsafe("INSERT INTO idempotency_keys (scope, key, fingerprint) VALUES ('test', 'slow', 'f')");
  const slowRows = async () => {
    const [row] = await pgSqlExecutor(database().pool).$queryRawUnsafe<Array<{ n: number }>>(
      "SELECT count(*)::int AS n FROM idempotency_keys WHERE key = 'slow'",
    );
    return row?.n;
  };

  it('When its work takes longer between statements, then nothing it wrote stays', async () => {
    const failure = await runInTransaction()(async (tx) => {
      await insertSlow(tx);
      await new Promise((resolve) => setTimeout(resolve, 400));
      await tx.$executeRawUnsafe('SELECT 1');
    }).catch((error: unknown) => error);

    expect(String(failure)).toContain('transaction timed out after 300 ms');
    expect(await slowRows()).toBe(0);
  });

  it('When one statement runs past timeoutMs, then the server cancels it, nothing stays and its locks are freed', async () => {
    const startedAt = Date.now();
    const failure = await runInTransaction()(async (tx) => {
      await insertSlow(tx);
      await tx.$executeRawUnsafe('SELECT pg_sleep(5)');
    }).catch((error: unknown) => error);

    expect(String(failure)).toContain('statement timeout');
    expect(Date.now() - startedAt).toBeLessThan(2_000);
    expect(await slowRows()).toBe(0);
    // The key's row lock went with the rolled-back transaction: the same insert goes through at once.
    await runInTransaction()(insertSlow);
    expect(await slowRows()).toBe(1);
  });
});

describe('A row read through pg itself and through Prisma', () => {
  const database = useServiceDatabase();

  it('When the same statement runs through both, then every column type comes back as the same value', async () => {
    // What a repository written against Prisma's raw API reads: it must not change under pg.
    const statement = `SELECT 42::int AS int, 9007199254740993::int8 AS big, ARRAY[1, 2]::int8[] AS bigs,
        'x'::text AS text, '5f0c6f0e-8f57-4a3e-9d55-4b3f7c1f2a10'::uuid AS id, true AS yes, NULL::text AS nothing,
        '2026-03-04 05:06:07.089+09'::timestamptz AS at, '2026-03-04 05:06:07.089'::timestamp AS local_at,
        '2026-03-04'::date AS day, '{"a": [1, "b"]}'::jsonb AS doc, '{"z": 1, "a": 2}'::json AS text_doc,
        ARRAY['p', 'q']::text[] AS texts, $1::int AS param`;

    const [viaPrisma] = await database().prisma.$queryRawUnsafe<unknown[]>(statement, 7);
    const [viaPg] = await pgSqlExecutor(database().pool).$queryRawUnsafe<unknown[]>(statement, 7);

    expect(viaPg).toEqual(viaPrisma);
    expect(viaPg).toMatchObject({ big: 9007199254740993n, day: new Date('2026-03-04T00:00:00Z') });
  });
});

describe('A statement run through pg itself', () => {
  const database = useServiceDatabase();

  it('When it runs again on the same connection, then PostgreSQL runs what it prepared the first time, not a new parse', async () => {
    const statement = 'SELECT $1::int + 1 AS next';
    const runsOfIt = 'SELECT generic_plans + custom_plans AS runs FROM pg_prepared_statements WHERE statement = $1';

    const [first, second, prepared] = await pgTransactionRunner(database().pool)(async (tx) => [
      await tx.$queryRawUnsafe(statement, 1),
      await tx.$queryRawUnsafe(statement, 2),
      await tx.$queryRawUnsafe(runsOfIt, statement),
    ]);

    expect([first, second]).toEqual([[{ next: 2 }], [{ next: 3 }]]);
    expect(prepared).toEqual([{ runs: 2n }]);
  });
});

describe('A read outside a transaction when the database drops its connection', () => {
  let database: TestDatabase;
  let prisma: PrismaClient;

  beforeAll(async () => {
    database = await createTestDatabase(SHARED_DIR);
    prisma = createPrismaClient(PrismaClient, database.url, { max: 1 });
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await database?.drop();
  });

  it('When the one statement loses its connection, then the request is answered 503 database-unavailable, not 500', async () => {
    const app = appServing('get', async () => {
      // As an administrator's kill or a restart does to the connection under a read (SQLSTATE 57P01).
      await prisma.$queryRawUnsafe('SELECT pg_terminate_backend(pg_backend_pid())');
    });

    const res = await request(app).get('/things');

    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      type: 'https://sneakers.example/problems/http/database-unavailable',
      status: 503,
    });
  });
});
