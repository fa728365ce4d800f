import { createServiceDatabase, type Logger } from '@sneakers/kit';
import { PrismaClient } from './generated/prisma/client';

export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export const createDatabase = (databaseUrl: string, logger?: Logger) =>
  createServiceDatabase(PrismaClient, databaseUrl, { logger });
