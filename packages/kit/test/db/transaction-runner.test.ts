import path from 'node:path';
import { Router } from 'express';
import pino from 'pino';
import request from 'supertest';
import { AppError, createHttpApp, handle, type RouteContract } from '../../src';
import { createPrismaClient, prismaTransactionRunner } from '../../src/db';
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

/** Starts a transaction that holds the pool's only connection; resolves to what lets it go. */
async function holdTheConnection(prisma: PrismaClient): Promise<() => Promise<void>> {
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let held = () => {};
  const holding = new Promise<void>((resolve) => {
    held = resolve;
  });
  const done = prismaTransactionRunner(prisma, { maxWaitMs: 5_000, timeoutMs: 10_000 })(async (tx) => {
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

describe('Transactions when every database connection is busy', () => {
  let database: TestDatabase;
  let prisma: PrismaClient;
  const runInTransaction = () => prismaTransactionRunner(prisma, { maxWaitMs: 300, timeoutMs: 5_000 });
  const written = async () =>
    Number(
      ((await prisma.$queryRawUnsafe('SELECT count(*)::int AS n FROM idempotency_keys')) as Array<{ n: number }>)[0]?.n,
    );
  const writeKey = (key: string) => async (tx: Pick<PrismaClient, '$executeRawUnsafe'>) => {
    await tx.$executeRawUnsafe("INSERT INTO idempotency_keys (scope, key, fingerprint) VALUES ('test', $1, 'f')", key);
  };

  beforeAll(async () => {
    database = await createTestDatabase(SHARED_DIR);
    prisma = createPrismaClient(PrismaClient, database.url, { max: 1 });
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await database?.drop();
  });

  it('When no connection frees up in time, then the work never runs and the caller gets a retryable 503', async () => {
    const letGo = await holdTheConnection(prisma);
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
    const letGo = await holdTheConnection(prisma);

    const res = await request(app).post('/things').send({});
    await letGo();

    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.body).toMatchObject({ type: 'https://sneakers.example/problems/http/service-busy', status: 503 });
    expect(await written()).toBe(1);
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
