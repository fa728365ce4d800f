import path from 'node:path';
import { createLogger, createPrismaClient, prismaTransactionRunner, type TransactionRunner } from '@sneakers/kit';
import { createTestDatabase, type TestDatabase } from '@sneakers/kit/testing';
import { PrismaClient } from '../../src/generated/prisma/client';
import type { Tx } from '../../src/prisma';
import { catalogReactions } from '../../src/reactions';
import { type CatalogInbox, catalogInbox } from './catalog-inbox';

export const logger = createLogger('catalog-test', process.env.TEST_LOG_LEVEL ?? 'silent');

export interface CatalogDb extends CatalogInbox {
  database: TestDatabase;
  prisma: PrismaClient;
  runInTransaction: TransactionRunner<Tx>;
  close: () => Promise<void>;
}

/**
 * A fresh catalog database with the service's reactions and no service around them: for tests that
 * throw more events at once than a consumer ever applies (hundreds racing for one SKU).
 */
export async function startCatalogDb(timeZone = 'Asia/Seoul'): Promise<CatalogDb> {
  const database = await createTestDatabase(path.resolve(__dirname, '../..'));
  // 20 connections: enough for hundreds of concurrent reactions to queue on one SKU's row lock
  // rather than on the pool, and room left on the shared server for everyone else.
  const prisma = createPrismaClient(PrismaClient, database.url, { max: 20 });
  const runInTransaction = prismaTransactionRunner<Tx>(prisma, { maxWaitMs: 120_000, timeoutMs: 60_000 });
  return {
    database,
    prisma,
    runInTransaction,
    ...catalogInbox(runInTransaction, catalogReactions({ SALES_TIME_ZONE: timeZone })),
    close: async () => {
      await prisma.$disconnect();
      await database.drop();
    },
  };
}
