import { Counter, type CounterConfiguration, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { type ConsumerMetrics, consumerMetrics } from './consumer-metrics';
import { type OutboxMetrics, outboxMetrics } from './outbox-metrics';

export type HttpMetrics = Histogram<'method' | 'route' | 'status'>;

/**
 * One service's metrics on a registry of its own, never prom-client's global one: several services
 * may run in one process, each answering /metrics with only its own series.
 */
export interface ServiceMetrics {
  registry: Registry;
  http: HttpMetrics;
  /** Created on first use, so a service without an outbox (the gateway) shows no outbox series. */
  outbox: () => OutboxMetrics;
  consumer: () => ConsumerMetrics;
  /** A counter of the service's own (saga outcomes, coupon claims), on this registry. */
  counter: <L extends string>(configuration: Omit<CounterConfiguration<L>, 'registers'>) => Counter<L>;
}

/**
 * How often the event loop's delay is sampled. prom-client's 10 ms woke every idle process 100 times
 * a second, 0.2 % of a core each (measured); at 100 ms a stall still shows in the percentiles.
 */
const EVENT_LOOP_SAMPLE_MS = 100;

export function createServiceMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS });
  return {
    registry,
    http: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP requests by method, route template and status code, from arrival to the last byte sent.',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    outbox: once(() => outboxMetrics(registry)),
    consumer: once(() => consumerMetrics(registry)),
    counter: (configuration) => new Counter({ ...configuration, registers: [registry] }),
  };
}

function once<T>(create: () => T): () => T {
  let made: T | undefined;
  return () => {
    made ??= create();
    return made;
  };
}
