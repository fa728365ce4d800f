import pino from 'pino';
import { createKafka } from '../src/kafka';
import { eventually, testEnv, uniqueName } from '../src/testing';

describe('A consumer stopped while its fetch waits at the broker', () => {
  const kafka = createKafka({
    clientId: 'stop-during-fetch-test',
    brokers: testEnv.kafkaBrokers,
    logger: pino({ level: 'silent' }),
  });
  const topic = uniqueName('stop-during-fetch');
  const admin = kafka.admin();

  beforeAll(async () => {
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  });
  afterAll(async () => {
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  });

  /** A member of a fresh group on the idle topic, once its first fetch is under way. */
  async function idleMember(groupId: string) {
    const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 20_000 });
    const fetching = new Promise<void>((resolve) => consumer.on(consumer.events.FETCH_START, () => resolve()));
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    const seen: string[] = [];
    await consumer.run({ eachMessage: async ({ message }) => void seen.push(String(message.value)) });
    await fetching;
    return { consumer, seen };
  }

  it('When it is stopped, then it leaves at once rather than after the 20 s fetch wait, without crashing', async () => {
    const { consumer } = await idleMember(uniqueName('group'));
    let crashed = false;
    consumer.on(consumer.events.CRASH, () => {
      crashed = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));

    const started = Date.now();
    await consumer.disconnect();

    expect(Date.now() - started).toBeLessThan(3000);
    expect(crashed).toBe(false);
  });

  it('When it is stopped and run again without disconnecting, then it fetches again', async () => {
    const { consumer, seen } = await idleMember(uniqueName('group'));
    try {
      await consumer.stop();
      const fetching = new Promise<void>((resolve) => consumer.on(consumer.events.FETCH_START, () => resolve()));
      await consumer.run({ eachMessage: async ({ message }) => void seen.push(String(message.value)) });
      await fetching;

      const producer = kafka.producer();
      await producer.connect();
      await producer.send({ topic, messages: [{ value: 'after the restart' }] });
      await producer.disconnect();

      await eventually(
        'the message sent after the restart',
        async () => seen,
        (messages) => messages.includes('after the restart'),
      );
    } finally {
      await consumer.disconnect();
    }
  });

  it('When it is disconnected and run again, as kafkajs restarts a consumer after a crash, then it fetches again', async () => {
    const { consumer, seen } = await idleMember(uniqueName('group'));
    try {
      // kafkajs's own restart: disconnect (which stops first), then connect and run anew.
      await consumer.disconnect();
      await consumer.connect();
      await consumer.run({ eachMessage: async ({ message }) => void seen.push(String(message.value)) });

      const producer = kafka.producer();
      await producer.connect();
      await producer.send({ topic, messages: [{ value: 'after the reconnect' }] });
      await producer.disconnect();

      await eventually(
        'the message sent after the reconnect',
        async () => seen,
        (messages) => messages.includes('after the reconnect'),
      );
    } finally {
      await consumer.disconnect();
    }
  });

  it('When it is stopped, then the next member of its group still gets what was sent after', async () => {
    const groupId = uniqueName('group');
    const first = await idleMember(groupId);
    await first.consumer.disconnect();
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: [{ value: 'after the stop' }] });
    await producer.disconnect();

    const next = await idleMember(groupId);
    try {
      await eventually(
        'the message sent after the stop',
        async () => next.seen,
        (seen) => seen.includes('after the stop'),
      );
    } finally {
      await next.consumer.disconnect();
    }
  });
});
