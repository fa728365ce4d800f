import type { SqlExecutor } from '../db';
import type { EventContract, EventEnvelope, PayloadOf } from '../events';

/** What a service does when one event type arrives, inside the transaction that records it. */
export interface Reaction<Tx extends SqlExecutor = SqlExecutor> {
  contract: EventContract;
  handle: (event: EventEnvelope<never>, tx: Tx) => Promise<void>;
}

/** Binds a handler to the contract whose payload it receives, so the payload is typed and validated. */
export function react<C extends EventContract, Tx extends SqlExecutor>(
  contract: C,
  handle: (event: EventEnvelope<PayloadOf<C>>, tx: Tx) => Promise<void>,
): Reaction<Tx> {
  return { contract, handle: handle as Reaction<Tx>['handle'] };
}
