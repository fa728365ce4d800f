import type { TransactionRunner } from '@sneakers/kit';
import type { Logger } from 'pino';
import type { Tx } from '../../prisma';
import type { SagaOutcomes } from '../saga-outcomes';
import { expireDueOrders } from '../use-cases/expire-orders/expire-orders.use-case';

const BATCH = 100;

/**
 * Every instance runs one: each round expires due orders in batches until none is left, then sleeps
 * `intervalMs`. Instances never expire one order twice (SKIP LOCKED + the status check in the
 * aggregate), so no leader election is needed; an order expires at most `intervalMs` after its
 * deadline and grace.
 */
export function startExpiryJob(
  runInTransaction: TransactionRunner<Tx>,
  {
    intervalMs,
    graceMs,
    logger,
    outcomes,
  }: { intervalMs: number; graceMs: number; logger: Logger; outcomes?: SagaOutcomes },
): { stop: () => Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const round = async () => {
    try {
      while (!stopped && (await expireDueOrders(runInTransaction, { graceMs, batchSize: BATCH, outcomes })) === BATCH);
    } catch (error) {
      logger.warn({ err: error }, 'expiry round failed; retrying next round');
    }
    if (!stopped)
      timer = setTimeout(() => {
        running = round();
      }, intervalMs);
  };
  running = round();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
