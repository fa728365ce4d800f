import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import path from 'node:path';
import {
  applyOnce,
  createHttpApp,
  createLogger,
  createPrismaClient,
  type EventContract,
  type EventEnvelope,
  type Identity,
  type PayloadOf,
  PgChangeWaiter,
  prismaTransactionRunner,
  type TransactionRunner,
} from '@sneakers/shared';
import { createTestDatabase, createTestTokens, type TestTokens } from '@sneakers/shared/testing';
import { orderRoutes } from '../../src/app';
import { PrismaClient } from '../../src/generated/prisma/client';
import { ORDER_CHANGED_CHANNEL } from '../../src/order/order-events';
import type { Tx } from '../../src/prisma';
import { orderReactions } from '../../src/reactions';

export const logger = createLogger('order-test', process.env.TEST_LOG_LEVEL ?? 'silent');

export interface Caller {
  userId: string;
  authorization: string;
}

export interface OrderApp {
  server: Server;
  prisma: PrismaClient;
  databaseUrl: string;
  tokens: TestTokens;
  runInTransaction: TransactionRunner<Tx>;
  caller: (role: Identity['role'], sellerStatus?: Identity['sellerStatus']) => Promise<Caller>;
  /** Applies an event as the order-service consumer would (inbox included); returns the outcome. */
  deliver: (envelope: EventEnvelope<unknown>) => Promise<'applied' | 'duplicate'>;
  close: () => Promise<void>;
}

export const PAYMENT_WINDOW_MS = 600_000;

/** order-service's HTTP app and reactions in-process on a fresh database. */
export async function startOrderApp(): Promise<OrderApp> {
  const database = await createTestDatabase(path.resolve(__dirname, '../..'));
  const prisma = createPrismaClient(PrismaClient, database.url, { max: 10 });
  const runInTransaction = prismaTransactionRunner<Tx>(prisma, { maxWaitMs: 30_000, timeoutMs: 30_000 });
  const tokens = await createTestTokens();
  const waiter = new PgChangeWaiter(database.url, ORDER_CHANGED_CHANNEL, logger);
  await waiter.start();
  const app = createHttpApp({
    logger,
    routes: orderRoutes({ runInTransaction, reads: prisma, waiter }),
    readiness: [],
    verifyAccessToken: tokens.verifier,
  });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const reactions = new Map(orderReactions({ paymentWindowMs: PAYMENT_WINDOW_MS }).map((r) => [r.contract.type, r]));
  return {
    server,
    prisma,
    databaseUrl: database.url,
    tokens,
    runInTransaction,
    caller: async (role, sellerStatus) => {
      const userId = randomUUID();
      const token = await tokens.sign({ userId, role, ...(sellerStatus ? { sellerStatus } : {}) });
      return { userId, authorization: `Bearer ${token}` };
    },
    deliver: (envelope) => {
      const reaction = reactions.get(envelope.type);
      if (!reaction) throw new Error(`no reaction for ${envelope.type}`);
      return applyOnce(runInTransaction, 'order-service', reaction, envelope);
    },
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await waiter.stop();
      await prisma.$disconnect();
      await database.drop();
    },
  };
}

/** An event as the consumer hands it to a reaction. */
export function envelope<C extends EventContract>(
  contract: C,
  aggregateId: string,
  payload: PayloadOf<C>,
): EventEnvelope<PayloadOf<C>> {
  return {
    eventId: randomUUID(),
    type: contract.type,
    version: contract.version,
    aggregateType: contract.aggregateType,
    aggregateId,
    occurredAt: new Date().toISOString(),
    payload,
  };
}
