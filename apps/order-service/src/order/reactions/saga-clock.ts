import type { Settle } from '../domain/order';

/** How reactions learn "now" and the payment window (config), so tests can pass their own. */
export interface SagaSettings {
  paymentWindowMs: number;
}

export const settleNow = ({ paymentWindowMs }: SagaSettings): Settle => ({ now: new Date(), paymentWindowMs });
