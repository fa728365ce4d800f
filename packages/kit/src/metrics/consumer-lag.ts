import type { Admin } from 'kafkajs';
import { withTimeout } from '../timing';
import type { PartitionLag } from './consumer-metrics';

const LAG_READ_TIMEOUT_MS = 3000;

/**
 * The group's lag as the broker sees it: end offset minus committed offset, per partition (all of
 * them, not just this instance's). Two small admin requests per scrape; a consumer that is stuck
 * shows a growing lag, which counting in the consumer itself could not. Bounded in time, so a
 * broker outage never makes /metrics hang past a scrape timeout.
 */
export async function readConsumerLag(admin: Admin, groupId: string, topics: string[]): Promise<PartitionLag[]> {
  return withTimeout(lagOf(admin, groupId, topics), LAG_READ_TIMEOUT_MS, `no lag in ${LAG_READ_TIMEOUT_MS} ms`);
}

async function lagOf(admin: Admin, groupId: string, topics: string[]): Promise<PartitionLag[]> {
  const [committed, ends] = await Promise.all([
    admin.fetchOffsets({ groupId, topics }),
    Promise.all(topics.map(async (topic) => ({ topic, partitions: await admin.fetchTopicOffsets(topic) }))),
  ]);
  const committedAt = new Map(
    committed.flatMap(({ topic, partitions }) => partitions.map((p) => [`${topic}:${p.partition}`, Number(p.offset)])),
  );
  return ends.flatMap(({ topic, partitions }) =>
    partitions.map(({ partition, high, low }) => {
      // -1: the group never committed here and starts from the beginning.
      const from = committedAt.get(`${topic}:${partition}`) ?? -1;
      return { topic, partition, lag: Number(high) - (from >= 0 ? from : Number(low)) };
    }),
  );
}
