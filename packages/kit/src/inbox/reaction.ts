import type { SqlExecutor } from '../db';
import type { EventContract, EventEnvelope, PayloadOf } from '../events';

/**
 * What a service does when one event type arrives, inside the transaction that records it. That
 * transaction may also hold the events before and after it (see `shareTransactions`), and is
 * applied again event by event if any of them fails: so a reaction changes its service's database
 * and nothing else. Calls to the outside world belong in a consumer of their own (as the delivery
 * to the data platform does).
 */
export interface Reaction<Tx extends SqlExecutor = SqlExecutor> {
  contract: EventContract;
  handle: (event: EventEnvelope<never>, tx: Tx) => Promise<void>;
  /**
   * Several events of this type, consecutive in one partition, in one transaction and in their
   * order. Present where a crowd makes one transaction per event the bottleneck (a hot row's lock
   * is held across every commit); `handle` is then the batch of one.
   */
  handleBatch?: (events: EventEnvelope<never>[], tx: Tx) => Promise<void>;
  /**
   * False for an event this reaction has nothing to do with: the consumer skips it before any
   * transaction (no inbox row either: without an effect there is nothing to apply twice). `handle`
   * must still be right if called with it.
   */
  concerns?: (payload: never) => boolean;
}

export interface ReactOptions<C extends EventContract> {
  /** See `Reaction.concerns`. */
  concerns?: (payload: PayloadOf<C>) => boolean;
}

/** Binds a handler to the contract whose payload it receives, so the payload is typed and validated. */
export function react<C extends EventContract, Tx extends SqlExecutor>(
  contract: C,
  handle: (event: EventEnvelope<PayloadOf<C>>, tx: Tx) => Promise<void>,
  { concerns }: ReactOptions<C> = {},
): Reaction<Tx> {
  return {
    contract,
    handle: handle as Reaction<Tx>['handle'],
    ...(concerns ? { concerns: concerns as NonNullable<Reaction<Tx>['concerns']> } : {}),
  };
}

/** As `react`, for a handler that takes the events of a batch together (see `Reaction.handleBatch`). */
export function reactInBatches<C extends EventContract, Tx extends SqlExecutor>(
  contract: C,
  handleBatch: (events: EventEnvelope<PayloadOf<C>>[], tx: Tx) => Promise<void>,
): Reaction<Tx> {
  const batch = handleBatch as NonNullable<Reaction<Tx>['handleBatch']>;
  return { contract, handle: (event, tx) => batch([event], tx), handleBatch: batch };
}
