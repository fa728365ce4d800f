import { createPrismaClient } from '@sneakers/shared';
import { PrismaClient } from './generated/prisma/client';

export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export const createPrisma = (databaseUrl: string) => createPrismaClient(PrismaClient, databaseUrl);
