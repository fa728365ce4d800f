import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { EachMessagePayload, Kafka } from 'kafkajs';
import { InProcessKafka } from '../../src/embedded';
import { ensureTopics } from '../../src/kafka';

// The embedded mode's stand-in for Kafka: the guarantees the platform relies on, one by one.
describe('in-process event bus', () => {
  const received =
    (into: string[]) =>
    async ({ message }: EachMessagePayload) => {
      into.push(`${message.key}:${message.value}`);
    };

  async function busWithTopic(dir?: string): Promise<Kafka> {
    const kafka = new InProcessKafka(dir).asKafka();
    const admin = kafka.admin();
    await admin.createTopics({ topics: [{ topic: 'order.events', numPartitions: 6 }] });
    return kafka;
  }

  async function until(check: () => boolean): Promise<void> {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(check()).toBe(true);
  }

  it('ensures topics as a service does at start: creates the missing ones and serves them all', async () => {
    const kafka = await busWithTopic();

    const created = await ensureTopics(kafka, [
      { topic: 'order.events', numPartitions: 6 },
      { topic: 'payment.events', numPartitions: 3 },
    ]);

    expect(created).toEqual(['payment.events']);
    const { topics } = await kafka.admin().fetchTopicMetadata({ topics: ['payment.events'] });
    expect(topics[0]?.partitions).toHaveLength(3);
  });

  it('keeps each key in order and lets every group read everything once', async () => {
    const kafka = await busWithTopic();
    const producer = kafka.producer();
    const messages = Array.from({ length: 60 }, (_, i) => ({ key: `order-${i % 4}`, value: String(i) }));
    await producer.send({ topic: 'order.events', messages });
    const a: string[] = [];
    const b: string[] = [];
    const groupA = kafka.consumer({ groupId: 'a' });
    const groupB = kafka.consumer({ groupId: 'b' });
    for (const [consumer, into] of [
      [groupA, a],
      [groupB, b],
    ] as const) {
      await consumer.subscribe({ topics: ['order.events'], fromBeginning: true });
      await consumer.run({ eachMessage: received(into) });
    }
    await until(() => a.length === 60 && b.length === 60);
    for (const key of ['order-0', 'order-1', 'order-2', 'order-3']) {
      const values = a.filter((m) => m.startsWith(`${key}:`)).map((m) => Number(m.split(':')[1]));
      expect(values).toEqual([...values].sort((x, y) => x - y));
    }
    await groupA.disconnect();
    await groupB.disconnect();
  });

  it('delivers a message again while its handler throws (at least once), without skipping ahead', async () => {
    const kafka = await busWithTopic();
    await kafka.producer().send({
      topic: 'order.events',
      messages: [
        { key: 'k', value: 'first' },
        { key: 'k', value: 'second' },
      ],
    });
    const seen: string[] = [];
    let failures = 1;
    const consumer = kafka.consumer({ groupId: 'flaky' });
    await consumer.subscribe({ topics: ['order.events'], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        seen.push(String(message.value));
        if (failures-- > 0) throw new Error('not yet');
      },
    });
    await until(() => seen.length === 3);
    expect(seen).toEqual(['first', 'first', 'second']);
    await consumer.disconnect();
  });

  it('refuses a topic that was never created, as the broker does with auto-creation off', async () => {
    const kafka = await busWithTopic();
    await expect(kafka.producer().send({ topic: 'typo.events', messages: [{ value: 'x' }] })).rejects.toThrow(
      /does not host this topic/,
    );
  });

  it('keeps the log and each group’s position in its folder: a restart resumes where the group stopped', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bus-'));
    try {
      const before = await busWithTopic(dir);
      await before.producer().send({ topic: 'order.events', messages: [{ key: 'k', value: 'one' }] });
      const first: string[] = [];
      const consumer = before.consumer({ groupId: 'g' });
      await consumer.subscribe({ topics: ['order.events'], fromBeginning: true });
      await consumer.run({ eachMessage: received(first) });
      await until(() => first.length === 1);
      await consumer.disconnect();
      await before.producer().send({ topic: 'order.events', messages: [{ key: 'k', value: 'two' }] });

      const after = new InProcessKafka(dir).asKafka();
      const second: string[] = [];
      const resumed = after.consumer({ groupId: 'g' });
      await resumed.subscribe({ topics: ['order.events'], fromBeginning: true });
      await resumed.run({ eachMessage: received(second) });
      await until(() => second.length === 1);
      expect(second).toEqual(['k:two']);
      await resumed.disconnect();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
