import { randomUUID } from 'node:crypto';
import {
  applyBatchOnce,
  applyOnce,
  applyRunInOrder,
  applyRunOnce,
  type EventContract,
  type EventEnvelope,
  type PayloadOf,
  type Reaction,
  type TransactionRunner,
} from '@sneakers/kit';
import type { Tx } from '../../src/prisma';
import { lockStockForRun } from '../../src/reservation/reactions/lock-stock-for-run';

const CONSUMER = 'catalog-service-test';

/** Events applied to the service's reactions directly, as its consumer applies them (no Kafka). */
export interface CatalogInbox {
  /** Applies one event exactly as the consumer does (inbox row + reaction in one transaction). */
  deliver: <C extends EventContract>(contract: C, payload: PayloadOf<C>, eventId?: string) => Promise<string>;
  /** Applies events of one type together, as the consumer does with a run of them from one fetch. */
  deliverBatch: <C extends EventContract>(
    contract: C,
    events: Array<{ payload: PayloadOf<C>; eventId?: string }>,
  ) => Promise<Array<'applied' | 'duplicate'>>;
  /**
   * Applies events of any types in one transaction, in order, as the consumer does with a run of
   * them from one fetch: the run's row locks first, then the reactions.
   */
  deliverRun: (events: Array<{ contract: EventContract; payload: unknown }>) => Promise<void>;
}

export function catalogInbox(runInTransaction: TransactionRunner<Tx>, reactions: Reaction<Tx>[]): CatalogInbox {
  const byType = new Map(reactions.map((r) => [r.contract.type, r]));
  const reactionTo = ({ type }: { type: string }) => {
    const reaction = byType.get(type);
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
        (fresh, tx) =>
          applyRunInOrder(
            fresh.map((event) => ({ reaction: reactionTo(event), event })),
            tx,
            { lockRun: lockStockForRun },
          ),
      );
    },
  };
}
