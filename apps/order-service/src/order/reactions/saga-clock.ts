import type { Settle } from '../domain/order';
import type { SagaOutcomes } from '../saga-outcomes';

/** How reactions learn "now" and the payment window (config), so tests can pass their own. */
export interface SagaSettings {
  paymentWindowMs: number;
  /** Where an ended checkout is reported. */
  outcomes?: SagaOutcomes;
}

export const settleNow = ({ paymentWindowMs }: SagaSettings): Settle => ({ now: new Date(), paymentWindowMs });
