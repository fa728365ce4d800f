import { createServiceDatabase, type Logger, type SqlExecutor } from '@sneakers/kit';
import { PrismaClient } from './generated/prisma/client';

/**
 * What payment-service's transactions run on: raw SQL straight on pg (`pgTransactionRunner`). Every
 * statement in its transactions is raw SQL, and through pg it costs a third of the client CPU it
 * does through Prisma's raw API; Prisma keeps the schema and the migrations.
 */
export type Tx = SqlExecutor;

export const createDatabase = (databaseUrl: string, logger?: Logger) =>
  createServiceDatabase(PrismaClient, databaseUrl, { logger });
