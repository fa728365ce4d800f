import { createPrismaClient, type Logger } from '@sneakers/kit';
import { PrismaClient } from './generated/prisma/client';

export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export const createPrisma = (databaseUrl: string, logger?: Logger) =>
  createPrismaClient(PrismaClient, databaseUrl, { logger });
