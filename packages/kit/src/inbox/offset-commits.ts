import type { Consumer, OffsetsByTopicPartition, TopicPartitionOffset } from 'kafkajs';
import type { Logger } from 'pino';

/**
 * How long applied offsets may wait before they are committed. Left to itself kafkajs commits after
 * every fetched batch of every partition: under a crowd that was about 3 OffsetCommit requests per
 * order, and half the broker's CPU per order (measured). Events applied but not yet committed come
 * again after a crash or a rebalance, and the inbox skips them, so waiting costs no correctness.
 */
const COMMIT_INTERVAL_MS = 1_000;

/** A consumer's applied offsets, committed at most once per interval, and at once when asked. */
export class OffsetCommits {
  private readonly pending = new Map<string, TopicPartitionOffset>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly consumer: Consumer,
    private readonly logger: Logger,
  ) {}

  /** What kafkajs holds as applied but not committed, to commit within the interval. */
  applied({ topics }: OffsetsByTopicPartition): void {
    // kafkajs keys its offsets by partition, so the number comes back as a string.
    for (const { topic, partitions } of topics)
      for (const { partition, offset } of partitions)
        this.pending.set(`${topic}:${partition}`, { topic, partition: Number(partition), offset });
    if (this.pending.size > 0 && !this.timer) this.timer = setTimeout(() => void this.commit(), COMMIT_INTERVAL_MS);
  }

  /** Commits what is pending now: when the interval is up, before a stop, as the group rebalances. */
  async commit(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0) return;
    const offsets = [...this.pending.values()];
    this.pending.clear();
    try {
      await this.consumer.commitOffsets(offsets);
    } catch (error) {
      // Expected when the group is already rebalancing; nothing is lost but a redelivery.
      this.logger.info(
        { err: error, offsets },
        'offsets not committed: the events applied since the last commit will be delivered again, and skipped',
      );
    }
  }

  /** After a rebalance kafkajs goes on from the committed offsets; what was pending is not ours to commit. */
  forget(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }
}
