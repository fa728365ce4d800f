import type { CancelReason, Outcome } from './domain/order';

/** How a checkout ended for an order: paid, cancelled (with why) or expired unpaid. */
export type SagaEnd = Exclude<NonNullable<Outcome>, 'AWAITING_PAYMENT'>;

/** Where use cases report an ended checkout (the metrics adapter counts it). */
export interface SagaOutcomes {
  ended: (end: SagaEnd, reason: CancelReason | null) => void;
}
