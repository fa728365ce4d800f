import type { ServiceMetrics } from '@sneakers/kit';
import type { SagaOutcomes } from './saga-outcomes';

/** Counts ended checkouts as `saga_outcomes_total{outcome, reason}` (reason "none" when paid). */
export function sagaOutcomeMetrics(metrics: ServiceMetrics): SagaOutcomes {
  const outcomes = metrics.counter({
    name: 'saga_outcomes_total',
    help: 'Orders whose checkout ended: PAID, CANCELLED or EXPIRED, with the cancel reason.',
    labelNames: ['outcome', 'reason'],
  });
  return { ended: (outcome, reason) => outcomes.inc({ outcome, reason: reason ?? 'none' }) };
}
