import { createRequire } from 'node:module';
import pino from 'pino';
import { createKafka } from '../src/kafka';
import { testEnv, uniqueName } from '../src/testing';

interface RequestQueue {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  scheduleCheckPendingRequests(): void;
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
    queue = new RequestQueueClass({ logger: { namespace: () => silentLogger }, clientId: 'idle-loop-test' });
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
