import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { applyOnce, createLogger, type EventContract, type EventEnvelope, type PayloadOf } from '@sneakers/kit';
import { startTestService } from '@sneakers/kit/testing';
import { startOrderService } from '../../src/service';

export type { Caller } from '@sneakers/kit/testing';

export const logger = createLogger('order-test', process.env.TEST_LOG_LEVEL ?? 'silent');

export const PAYMENT_WINDOW_MS = 600_000;

export type OrderApp = Awaited<ReturnType<typeof startOrderApp>>;

/** order-service as its main starts it, in-process on a fresh database; the test delivers the events. */
export async function startOrderApp() {
  const app = await startTestService(path.resolve(__dirname, '../..'), startOrderService, {
    ORDER_PAYMENT_WINDOW_MS: String(PAYMENT_WINDOW_MS),
  });
  const reactions = new Map(app.reactions.map((r) => [r.contract.type, r]));
  return {
    ...app,
    /** Applies an event as the service's consumer does (inbox included); returns the outcome. */
    deliver: (event: EventEnvelope<unknown>) => {
      const reaction = reactions.get(event.type);
      if (!reaction) throw new Error(`no reaction for ${event.type}`);
      return applyOnce(app.runInTransaction, 'order-service', reaction, event);
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
