import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import path from 'node:path';
import {
  createHttpApp,
  createLogger,
  createPrismaClient,
  type Identity,
  loadConfig,
  PgChangeWaiter,
  prismaTransactionRunner,
  type TransactionRunner,
} from '@sneakers/shared';
import { createTestDatabase, createTestTokens, type TestTokens } from '@sneakers/shared/testing';
import { paymentRoutes } from '../../src/app';
import { paymentServiceEnv } from '../../src/config';
import { PrismaClient } from '../../src/generated/prisma/client';
import { PAYABLE_ORDER_CHANNEL } from '../../src/payment/payable-order.repository';
import type { Tx } from '../../src/prisma';

export const logger = createLogger('payment-test', process.env.TEST_LOG_LEVEL ?? 'silent');

/** A caller: who they are and the Authorization header that proves it. */
export interface Caller {
  userId: string;
  authorization: string;
}

export interface PaymentApp {
  server: Server;
  prisma: PrismaClient;
  tokens: TestTokens;
  runInTransaction: TransactionRunner<Tx>;
  /** A new user of `role` with a valid token. */
  caller: (role: Identity['role'], sellerStatus?: Identity['sellerStatus']) => Promise<Caller>;
  close: () => Promise<void>;
}

/**
 * payment-service's HTTP app in-process on a fresh database, listening on a random port, with the
 * configuration parsed from `env` exactly as the service parses its environment.
 */
export async function startPaymentApp(env: Record<string, string> = {}): Promise<PaymentApp> {
  const database = await createTestDatabase(path.resolve(__dirname, '../..'));
  // Enough connections for 200 concurrent requests to queue on one wallet row rather than on the
  // pool, while leaving the shared server (max_connections 100) room for everyone else's tests.
  const prisma = createPrismaClient(PrismaClient, database.url, { max: 20 });
  const runInTransaction = prismaTransactionRunner<Tx>(prisma, { maxWaitMs: 30_000, timeoutMs: 30_000 });
  const tokens = await createTestTokens();
  const payableOrders = new PgChangeWaiter(database.url, PAYABLE_ORDER_CHANNEL, logger);
  await payableOrders.start();
  const app = createHttpApp({
    logger,
    routes: paymentRoutes({
      config: loadConfig(paymentServiceEnv, env),
      runInTransaction,
      reads: prisma,
      payableOrders,
    }),
    readiness: [],
    verifyAccessToken: tokens.verifier,
  });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return {
    server,
    prisma,
    tokens,
    runInTransaction,
    caller: async (role, sellerStatus) => {
      const userId = randomUUID();
      const token = await tokens.sign({ userId, role, ...(sellerStatus ? { sellerStatus } : {}) });
      return { userId, authorization: `Bearer ${token}` };
    },
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await payableOrders.stop();
      await prisma.$disconnect();
      await database.drop();
    },
  };
}
