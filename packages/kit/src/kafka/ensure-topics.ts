import type { Kafka } from 'kafkajs';
import type { TopicSpec } from './topics';

/** Creates the topics that do not exist yet; safe to run from every service at start-up. */
export async function ensureTopics(kafka: Kafka, topics: readonly TopicSpec[]): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.topic));
    if (missing.length === 0) return [];
    await admin.createTopics({
      waitForLeaders: true,
      // No replicationFactor: the broker's default applies (1 on the dev broker, 3 in a real cluster).
      topics: missing.map((t) => ({ topic: t.topic, numPartitions: t.numPartitions })),
    });
    return missing.map((t) => t.topic);
  } finally {
    await admin.disconnect();
  }
}
