import type { EachMessagePayload } from 'kafkajs';
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

  const keepingIn =
    (seen: string[]) =>
    async ({ message }: EachMessagePayload) =>
      void seen.push(String(message.value));

  /** A member of a fresh group on the idle topic, once its first fetch is under way. */
  async function idleMember(groupId: string) {
    const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 20_000 });
    const fetching = new Promise<void>((resolve) => consumer.on(consumer.events.FETCH_START, () => resolve()));
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    const seen: string[] = [];
    await consumer.run({ eachMessage: keepingIn(seen) });
    await fetching;
    return { consumer, seen };
  }

  async function send(value: string) {
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: [{ value }] });
    await producer.disconnect();
  }

  const arrives = (value: string, seen: string[]) =>
    eventually(
      `the message "${value}"`,
      async () => seen,
      (messages) => messages.includes(value),
    );

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
      await consumer.run({ eachMessage: keepingIn(seen) });
      await fetching;

      await send('after the restart');

      await arrives('after the restart', seen);
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
      await consumer.run({ eachMessage: keepingIn(seen) });

      await send('after the reconnect');

      await arrives('after the reconnect', seen);
    } finally {
      await consumer.disconnect();
    }
  });

  it('When it is stopped, then the next member of its group still gets what was sent after', async () => {
    const groupId = uniqueName('group');
    const first = await idleMember(groupId);
    await first.consumer.disconnect();
    await send('after the stop');

    const next = await idleMember(groupId);
    try {
      await arrives('after the stop', next.seen);
    } finally {
      await next.consumer.disconnect();
    }
  });
});
