import type { Kafka, KafkaMessage } from 'kafkajs';

export interface ReceivedMessage {
  topic: string;
  partition: number;
  message: KafkaMessage;
}

/** Polls until `predicate` holds, failing with `what` after the timeout. */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T>,
  predicate: (value: T) => boolean,
  { timeoutMs = 60_000, intervalMs = 100 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (predicate(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Reads a topic from the start with a throw-away group until `count` messages arrived. */
export async function readTopic(
  kafka: Kafka,
  topic: string,
  count: number,
  timeoutMs = 60_000,
): Promise<ReceivedMessage[]> {
  const consumer = kafka.consumer({
    groupId: `reader-${topic}-${Date.now()}-${Math.random()}`,
    allowAutoTopicCreation: false,
  });
  const received: ReceivedMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ eachMessage: async (m) => void received.push(m) });
    await eventually(
      `${count} messages on ${topic}`,
      async () => received.length,
      (n) => n >= count,
      { timeoutMs },
    );
    return received;
  } finally {
    await consumer.disconnect();
  }
}

/** Resolves when the group's committed offsets reached the end of every partition of `topic`. */
export async function waitForGroupToCatchUp(
  kafka: Kafka,
  groupId: string,
  topic: string,
  timeoutMs = 60_000,
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await eventually(
      `${groupId} to catch up on ${topic}`,
      async () => {
        const [ends, [committed]] = await Promise.all([
          admin.fetchTopicOffsets(topic),
          admin.fetchOffsets({ groupId, topics: [topic] }),
        ]);
        return ends.map((end) => {
          const done = committed?.partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
          return Number(end.high) - Math.max(0, Number(done));
        });
      },
      (lags) => lags.every((lag) => lag <= 0),
      { timeoutMs },
    );
  } finally {
    await admin.disconnect();
  }
}
