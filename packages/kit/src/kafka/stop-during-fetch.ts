import { KafkaJSConnectionError } from 'kafkajs';
import { kafkajsInternal } from './kafkajs-internals';

interface ConnectionInternals {
  socket?: { destroy(): void };
  abandoned?: boolean;
  rejectRequests(error: Error): void;
  disconnect(): Promise<void>;
  send(request: unknown): Promise<unknown>;
}

interface BrokerInternals {
  connectionPool: { pool: ConnectionInternals[] };
}

interface RunnerInternals {
  consumerGroup: {
    cluster: { brokerPool: { brokers: Record<string, BrokerInternals>; seedBroker?: BrokerInternals } };
  };
  start(...args: unknown[]): Promise<void>;
  stop(): Promise<void>;
}

/** kafkajs sends every Fetch, and nothing else, on the second connection to each broker. */
const FETCH_CONNECTION = 1;

const stopping = () => new KafkaJSConnectionError('Consumer stopping');

/**
 * A stopping kafkajs 2.2.4 consumer waits for its fetch in flight, which an idle broker holds for
 * the whole fetch wait (tulios/kafkajs#1596, #1655; unreleased upstream). Its fetches are abandoned
 * instead, the one in flight and any it was about to send: they fail as if the broker had hung up,
 * the consumer retries, sees it is stopping and leaves its group (about 200 ms, the first retry's
 * delay). So a long fetch wait, which an idle platform needs, costs nothing at stop. A member with
 * no partitions still sleeps out one fetch wait: kafkajs does not ask the broker then.
 */
export function stopDuringFetch(): void {
  const Runner = kafkajsInternal<{ prototype: RunnerInternals }>('./src/consumer/runner');
  const Connection = kafkajsInternal<{ prototype: ConnectionInternals }>('./src/network/connection');
  if (!Runner || !Connection || (Runner.prototype.stop as { abandonsFetches?: boolean }).abandonsFetches) return;
  const { send } = Connection.prototype;
  Connection.prototype.send = function (this: ConnectionInternals, request: unknown) {
    return this.abandoned ? Promise.reject(stopping()) : send.call(this, request);
  };
  const { start, stop } = Runner.prototype;
  const stopAbandoningFetches = function (this: RunnerInternals) {
    // Marks the runner stopped at once, then waits for its fetches to end.
    const stopped = stop.call(this);
    for (const connection of fetchConnections(this)) {
      connection.abandoned = true;
      connection.rejectRequests(stopping());
      // Destroyed, not ended: the broker answers the abandoned fetch before it reads our goodbye.
      connection.socket?.destroy();
      void connection.disconnect();
    }
    return stopped;
  };
  Runner.prototype.stop = Object.assign(stopAbandoningFetches, { abandonsFetches: true });
  // A consumer stopped and run again fetches on a new connection, disconnected in between or not.
  Runner.prototype.start = function (this: RunnerInternals, ...args: unknown[]) {
    for (const connection of fetchConnections(this)) connection.abandoned = false;
    return start.apply(this, args);
  };
}

/**
 * The connections the consumer's own cluster fetches on, one per broker. The seed broker counts
 * apart: a disconnect forgets the other brokers but keeps it, and the next metadata takes it back as
 * the broker it is, so a mark left on its connection would refuse every fetch after a restart.
 */
function fetchConnections(runner: RunnerInternals): ConnectionInternals[] {
  const { brokers, seedBroker } = runner.consumerGroup.cluster.brokerPool;
  const known = new Set([...Object.values(brokers), ...(seedBroker ? [seedBroker] : [])]);
  return [...known].flatMap((broker) => broker.connectionPool.pool[FETCH_CONNECTION] ?? []);
}
