import { setTimeout as sleep } from 'node:timers/promises';
import type { Admin, Kafka } from 'kafkajs';
import { backoffDelay } from '../timing';
import type { TopicSpec } from './topics';

/** How long a topic may take, once created, to be served by the broker a service asks. */
const SERVED_WITHIN_MS = 30_000;

/**
 * Creates the topics that do not exist yet and waits until the broker serves every one of them;
 * safe to run from every service at start-up. Returns the topics this call created.
 */
export async function ensureTopics(kafka: Kafka, topics: readonly TopicSpec[]): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.topic));
    if (missing.length > 0)
      await admin.createTopics({
        // kafkajs's wait fails at the first "does not host": untilServed waits instead.
        waitForLeaders: false,
        // No replicationFactor: the broker's default applies (1 on the dev broker, 3 in a real cluster).
        topics: missing.map((t) => ({ topic: t.topic, numPartitions: t.numPartitions })),
      });
    await untilServed(
      admin,
      topics.map((t) => t.topic),
    );
    return missing.map((t) => t.topic);
  } finally {
    await admin.disconnect();
  }
}

/**
 * A topic just created, by this service or by another starting beside it, can be listed by the
 * controller before the broker's metadata knows it: asked then, the broker answers "does not host
 * this topic-partition", which kafkajs's own wait for leaders does not retry (seen on a fresh broker
 * with the whole platform starting: the first service to subscribe failed to start).
 */
async function untilServed(admin: Admin, topics: string[]): Promise<void> {
  const deadline = Date.now() + SERVED_WITHIN_MS;
  for (let attempt = 1; ; attempt++) {
    const served = await admin.fetchTopicMetadata({ topics }).then(
      (metadata) =>
        metadata.topics.length === topics.length &&
        metadata.topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0)),
      (error: { retriable?: boolean }) => {
        if (error.retriable !== true || Date.now() > deadline) throw error;
        return false;
      },
    );
    if (served) return;
    if (Date.now() > deadline)
      throw new Error(`the broker did not serve ${topics.join(', ')} within ${SERVED_WITHIN_MS / 1000} s`);
    await sleep(backoffDelay(attempt, { baseMs: 100, maxMs: 1000 }));
  }
}
