import path from 'node:path';
import { createPrismaClient, isTransientDatabaseError, prismaTransactionRunner } from '../../src/db';
import { PrismaClient } from '../../src/generated/prisma/client';
import { createTestDatabase, type TestDatabase } from '../../src/testing';

/** What a transaction throws when PostgreSQL raises `sqlState` inside it, as the real layers wrap it. */
const raised = (prisma: PrismaClient, sqlState: string) =>
  prisma
    .$transaction((tx) =>
      tx.$executeRawUnsafe(`DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = '${sqlState}', MESSAGE = 'raised'; END $$`),
    )
    .then(
      () => undefined,
      (error: unknown) => error,
    );

describe('Which database failures are transient', () => {
  let database: TestDatabase;
  let prisma: PrismaClient;

  beforeAll(async () => {
    database = await createTestDatabase(path.resolve(__dirname, '../..'));
    prisma = createPrismaClient(PrismaClient, database.url, { max: 1 });
  }, 60_000);
  afterAll(async () => {
    await prisma.$disconnect();
    await database.drop();
  });

  it.each([
    ['57P01', 'a terminated backend'],
    ['57P03', 'a server starting up'],
    ['08006', 'a connection failure'],
    ['53300', 'too many connections'],
    ['40001', 'a serialization failure'],
    ['40P01', 'a deadlock'],
  ])('When PostgreSQL raises %s (%s) through Prisma, then it is transient', async (sqlState) => {
    expect(isTransientDatabaseError(await raised(prisma, sqlState))).toBe(true);
  });

  it.each([
    ['23505', 'a unique violation'],
    ['22021', 'a bad byte sequence'],
    ['P0001', 'an exception raised by the work'],
  ])('When PostgreSQL raises %s (%s) through Prisma, then it is the work’s own failure', async (sqlState) => {
    expect(isTransientDatabaseError(await raised(prisma, sqlState))).toBe(false);
  });

  it('When the server refuses the connection, then it is transient', async () => {
    const unreachable = createPrismaClient(PrismaClient, database.url.replace(/:\d+\//, ':1/'), { max: 1 });
    const error = await unreachable.$transaction((tx) => tx.$executeRawUnsafe('SELECT 1')).catch((e: unknown) => e);
    await unreachable.$disconnect();
    expect(isTransientDatabaseError(error)).toBe(true);
  });

  it('When no pooled connection frees up in time (the kit’s 503), then it is transient', async () => {
    const runInTransaction = prismaTransactionRunner(prisma, { maxWaitMs: 100, timeoutMs: 5_000 });
    const holding = runInTransaction((tx) => tx.$executeRawUnsafe('SELECT pg_sleep(1)'));
    const error = await runInTransaction((tx) => tx.$executeRawUnsafe('SELECT 1')).catch((e: unknown) => e);
    await holding;
    expect(error).toMatchObject({ code: 'HTTP.SERVICE_BUSY' });
    expect(isTransientDatabaseError(error)).toBe(true);
  });

  it('When pg loses the connection mid-query (no code, only its message), then it is transient', () => {
    expect(isTransientDatabaseError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isTransientDatabaseError(new Error('Client has encountered a connection error and is not queryable'))).toBe(
      true,
    );
    expect(isTransientDatabaseError(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }))).toBe(true);
  });

  it('When the work fails for any other reason, then it is not transient', () => {
    expect(isTransientDatabaseError(new Error('poison'))).toBe(false);
    expect(isTransientDatabaseError(Object.assign(new Error('Transaction already closed'), { code: 'P2028' }))).toBe(
      false,
    );
    expect(isTransientDatabaseError(undefined)).toBe(false);
    expect(isTransientDatabaseError('57P01')).toBe(false);
  });
});
