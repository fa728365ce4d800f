import { createServiceDatabase, type Logger, type SqlExecutor } from '@sneakers/kit';
import { PrismaClient } from './generated/prisma/client';

/**
 * What catalog-service's transactions run on: raw SQL straight on pg (`pgTransactionRunner`). Every
 * reservation, stock move and product change is a few statements, and through pg each costs a third
 * of the client CPU it does through Prisma; Prisma keeps the schema, the migrations and the listing.
 */
export type Tx = SqlExecutor;

export const createDatabase = (databaseUrl: string, logger?: Logger) =>
  createServiceDatabase(PrismaClient, databaseUrl, { logger });
