import { Gauge, type Registry } from 'prom-client';

export interface OutboxBacklog {
  rows: number;
  /** Age of the oldest unpublished row; 0 when there is none. */
  oldestAgeSeconds: number;
}

export interface OutboxMetrics {
  /** Reads the backlog at every scrape until the returned function is called. */
  watch: (readBacklog: () => Promise<OutboxBacklog>) => () => void;
}

/**
 * Backlog gauges read from the outbox table when scraped, so they are right even while the relay is
 * stuck. Every relay of a service reads the same table: the first one watching answers. A failed
 * read reports NaN rather than a stale or zero backlog.
 */
export function outboxMetrics(registry: Registry): OutboxMetrics {
  const readers: Array<() => Promise<OutboxBacklog>> = [];
  let reading: Promise<OutboxBacklog | undefined> | undefined;
  // Both gauges are collected in the same tick: they share one read.
  const read = () => {
    reading ??= (readers[0]?.() ?? Promise.resolve(undefined))
      .catch(() => ({ rows: Number.NaN, oldestAgeSeconds: Number.NaN }))
      .finally(() => {
        reading = undefined;
      });
    return reading;
  };
  new Gauge({
    name: 'outbox_backlog_rows',
    help: 'Outbox rows written but not yet acknowledged by Kafka.',
    registers: [registry],
    async collect() {
      const backlog = await read();
      if (backlog) this.set(backlog.rows);
    },
  });
  new Gauge({
    name: 'outbox_oldest_unsent_age_seconds',
    help: 'Age of the oldest outbox row not yet acknowledged by Kafka; 0 when the outbox is empty.',
    registers: [registry],
    async collect() {
      const backlog = await read();
      if (backlog) this.set(backlog.oldestAgeSeconds);
    },
  });
  return {
    watch: (readBacklog) => {
      readers.push(readBacklog);
      return () => {
        const index = readers.indexOf(readBacklog);
        if (index >= 0) readers.splice(index, 1);
      };
    },
  };
}
