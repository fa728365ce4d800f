import { createRequire } from 'node:module';
import net from 'node:net';
import { Kafka, logLevel } from 'kafkajs';
import pino from 'pino';
import { createKafka } from '../src/kafka';
import { testEnv, uniqueName } from '../src/testing';

interface RequestQueue {
  pending: unknown[];
  inflight: Map<number, unknown>;
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  requestTimeoutIntervalId: NodeJS.Timeout | undefined;
  scheduleCheckPendingRequests(): void;
  scheduleRequestTimeoutCheck(): void;
  sendSocketRequest(request: object): void;
  isConnected(): boolean;
  destroy(): void;
}

const load = createRequire(require.resolve('kafkajs'));
const RequestQueueClass = load('./src/network/requestQueue') as new (options: object) => RequestQueue;
const silentLogger = { debug: () => undefined, warn: () => undefined, error: () => undefined, info: () => undefined };

describe('kafkajs request queue of a service client', () => {
  const kafka = createKafka({
    clientId: 'idle-loop-test',
    brokers: testEnv.kafkaBrokers,
    logger: pino({ level: 'silent' }),
  });
  let queue: RequestQueue;

  beforeEach(() => {
    queue = new RequestQueueClass({
      logger: { namespace: () => silentLogger },
      clientId: 'idle-loop-test',
      enforceRequestTimeout: true,
      isConnected: () => true,
    });
  });
  afterEach(() => queue.destroy());

  it('When nothing waits and the broker does not throttle, then no check is scheduled (no 1 ms timer loop)', () => {
    queue.scheduleCheckPendingRequests();
    expect(queue.throttleCheckTimeoutId).toBeNull();
  });

  it('When a request waits, then a check is scheduled', () => {
    queue.pending.push({});
    queue.scheduleCheckPendingRequests();
    expect(queue.throttleCheckTimeoutId).not.toBeNull();
  });

  it('When the broker throttles, then a check is scheduled for when it ends', () => {
    queue.throttledUntil = Date.now() + 50;
    queue.scheduleCheckPendingRequests();
    expect(queue.throttleCheckTimeoutId).not.toBeNull();
  });

  it('When a connection is made and nothing is in flight, then no timeout check runs', () => {
    queue.scheduleRequestTimeoutCheck();
    expect(queue.requestTimeoutIntervalId).toBeUndefined();
  });

  it('When a request goes in flight, then timeouts are checked until none is in flight', async () => {
    const request = { correlationId: 1, expectResponse: true, send: () => queue.inflight.set(1, request) };
    queue.sendSocketRequest(request);
    expect(queue.requestTimeoutIntervalId).toBeDefined();
    queue.inflight.delete(1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(queue.requestTimeoutIntervalId).toBeUndefined();
  });

  it('When a broker accepts the connection and never answers, then the request still times out', async () => {
    const silentBroker = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silentBroker.listen(0, '127.0.0.1', resolve));
    const { port } = silentBroker.address() as net.AddressInfo;
    const client = new Kafka({
      clientId: 'idle-loop-test',
      brokers: [`127.0.0.1:${port}`],
      requestTimeout: 500,
      retry: { retries: 0 },
      logLevel: logLevel.NOTHING,
    });
    const admin = client.admin();
    const started = Date.now();
    try {
      await expect(admin.connect()).rejects.toThrow(/timed out/i);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await admin.disconnect();
      silentBroker.close();
    }
  });

  it('When one request at a time is allowed, then back-to-back sends still all arrive', async () => {
    const topic = uniqueName('idle-loop');
    const admin = kafka.admin();
    const producer = kafka.producer({ maxInFlightRequests: 1 });
    await admin.connect();
    await producer.connect();
    try {
      await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => producer.send({ topic, messages: [{ value: String(i) }] })),
      );
      const [offsets] = await admin.fetchTopicOffsets(topic);
      expect(offsets?.high).toBe('20');
    } finally {
      await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await producer.disconnect();
      await admin.disconnect();
    }
  });
});
