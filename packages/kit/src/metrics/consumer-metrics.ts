import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export type HandlerResult = 'applied' | 'duplicate' | 'dead_lettered';

export interface PartitionLag {
  topic: string;
  partition: number;
  lag: number;
}

export interface ConsumerMetrics {
  handlerDuration: Histogram<'group' | 'topic' | 'result'>;
  deadLetters: Counter<'group' | 'topic'>;
  /** Reads the group's lag at every scrape until the returned function is called. */
  watchLag: (group: string, readLag: () => Promise<PartitionLag[]>) => () => void;
}

export function consumerMetrics(registry: Registry): ConsumerMetrics {
  const lagReaders = new Set<{ group: string; readLag: () => Promise<PartitionLag[]> }>();
  new Gauge({
    name: 'consumer_lag_messages',
    help: 'Messages on a partition not yet committed by the consumer group (end offset minus committed offset).',
    labelNames: ['group', 'topic', 'partition'],
    registers: [registry],
    async collect() {
      // A group whose lag cannot be read right now shows no series rather than a stale one.
      const readings = await Promise.all(
        [...lagReaders].map(async ({ group, readLag }) => ({ group, lags: await readLag().catch(() => []) })),
      );
      this.reset();
      for (const { group, lags } of readings) {
        for (const { topic, partition, lag } of lags) this.set({ group, topic, partition: String(partition) }, lag);
      }
    },
  });
  return {
    handlerDuration: new Histogram({
      name: 'consumer_handler_duration_seconds',
      help: 'Time to handle one event, retries included, by consumer group, topic and result.',
      labelNames: ['group', 'topic', 'result'],
      registers: [registry],
    }),
    deadLetters: new Counter({
      name: 'consumer_dead_letters_total',
      help: 'Events sent to the dead-letter topic, by consumer group and the topic they came from.',
      labelNames: ['group', 'topic'],
      registers: [registry],
    }),
    watchLag: (group, readLag) => {
      const reader = { group, readLag };
      lagReaders.add(reader);
      return () => void lagReaders.delete(reader);
    },
  };
}
