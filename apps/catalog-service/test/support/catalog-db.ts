import { randomUUID } from 'node:crypto';
import path from 'node:path';
import {
  applyBatchOnce,
  applyOnce,
  applyRunOnce,
  createLogger,
  createPrismaClient,
  type EventContract,
  type EventEnvelope,
  type PayloadOf,
  prismaTransactionRunner,
  type TransactionRunner,
} from '@sneakers/shared';
import { createTestDatabase, type TestDatabase } from '@sneakers/shared/testing';
import { PrismaClient } from '../../src/generated/prisma/client';
import type { Tx } from '../../src/prisma';
import { catalogReactions } from '../../src/reactions';
import { lockStockForRun } from '../../src/reservation/reactions/lock-stock-for-run';

export const logger = createLogger('catalog-test', process.env.TEST_LOG_LEVEL ?? 'silent');
export const CONSUMER = 'catalog-service-test';

export interface CatalogDb {
  database: TestDatabase;
  prisma: PrismaClient;
  runInTransaction: TransactionRunner<Tx>;
  /** Applies one event exactly as the consumer does (inbox row + reaction in one transaction). */
  deliver: <C extends EventContract>(contract: C, payload: PayloadOf<C>, eventId?: string) => Promise<string>;
  /** Applies events of one type together, as the consumer does with a run of them from one fetch. */
  deliverBatch: <C extends EventContract>(
    contract: C,
    events: Array<{ payload: PayloadOf<C>; eventId?: string }>,
  ) => Promise<Array<'applied' | 'duplicate'>>;
  /**
   * Applies events of any types in one transaction, in order, as the consumer does with a run of
   * them from one fetch: the run's row locks first, then each event's reaction.
   */
  deliverRun: (events: Array<{ contract: EventContract; payload: unknown }>) => Promise<void>;
  close: () => Promise<void>;
}

/** A fresh catalog database with the service's reactions, no Kafka: events are applied directly. */
export async function startCatalogDb(timeZone = 'Asia/Seoul'): Promise<CatalogDb> {
  const database = await createTestDatabase(path.resolve(__dirname, '../..'));
  // 20 connections: enough for hundreds of concurrent reactions to queue on one SKU's row lock
  // rather than on the pool, and room left on the shared server for everyone else.
  const prisma = createPrismaClient(PrismaClient, database.url, { max: 20 });
  const runInTransaction = prismaTransactionRunner<Tx>(prisma, { maxWaitMs: 120_000, timeoutMs: 60_000 });
  const reactions = new Map(catalogReactions({ SALES_TIME_ZONE: timeZone }).map((r) => [r.contract.type, r]));
  const reactionTo = ({ type }: { type: string }) => {
    const reaction = reactions.get(type);
    if (!reaction) throw new Error(`no reaction to ${type}`);
    return reaction;
  };
  const envelope = <C extends EventContract>(
    contract: C,
    payload: PayloadOf<C>,
    eventId: string,
  ): EventEnvelope<unknown> => ({
    eventId,
    type: contract.type,
    version: contract.version,
    aggregateType: contract.aggregateType,
    aggregateId: randomUUID(),
    occurredAt: new Date().toISOString(),
    payload: contract.payload.parse(payload),
  });
  return {
    database,
    prisma,
    runInTransaction,
    deliver: async (contract, payload, eventId = randomUUID()) => {
      await applyOnce(runInTransaction, CONSUMER, reactionTo(contract), envelope(contract, payload, eventId));
      return eventId;
    },
    deliverBatch: async (contract, events) => {
      const { handleBatch, ...reaction } = reactionTo(contract);
      if (!handleBatch) throw new Error(`${contract.type} is not handled in batches`);
      return applyBatchOnce(
        runInTransaction,
        CONSUMER,
        { ...reaction, handleBatch },
        events.map(({ payload, eventId = randomUUID() }) => envelope(contract, payload, eventId)),
      );
    },
    deliverRun: async (events) => {
      const envelopes = events.map(({ contract, payload }) =>
        envelope(contract, payload as PayloadOf<typeof contract>, randomUUID()),
      );
      await applyRunOnce(
        runInTransaction,
        CONSUMER,
        envelopes,
        (e) => e.eventId,
        async (fresh, tx) => {
          await lockStockForRun(fresh, tx);
          for (const event of fresh) await reactionTo(event).handle(event as EventEnvelope<never>, tx);
        },
      );
    },
    close: async () => {
      await prisma.$disconnect();
      await database.drop();
    },
  };
}
