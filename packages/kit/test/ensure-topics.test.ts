import type { Kafka } from 'kafkajs';
import { ensureTopics } from '../src/kafka';

const notHostedYet = () =>
  Object.assign(new Error('This server does not host this topic-partition'), {
    type: 'UNKNOWN_TOPIC_OR_PARTITION',
    retriable: true,
  });
const served = (topics: string[]) => ({
  topics: topics.map((name) => ({ name, partitions: [{ partitionId: 0, leader: 1 }] })),
});

/** A broker whose metadata answers with `answers` in turn (an Error is thrown), then serves every topic. */
function brokerAnswering(existing: string[], answers: Array<Error | { topics: unknown[] }>) {
  const asked: string[][] = [];
  const admin = {
    connect: async () => undefined,
    disconnect: async () => undefined,
    listTopics: async () => existing,
    // Like kafkajs: its own wait for leaders gives up at the first answer that is not "no leader yet".
    createTopics: async ({ waitForLeaders = true }: { waitForLeaders?: boolean }) => {
      if (waitForLeaders && answers[0] instanceof Error) throw answers[0];
      return true;
    },
    fetchTopicMetadata: async ({ topics }: { topics: string[] }) => {
      asked.push(topics);
      const answer = answers.shift() ?? served(topics);
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
  return { kafka: { admin: () => admin } as unknown as Kafka, asked };
}

describe('Ensuring the topics a service needs', () => {
  const topics = [
    { topic: 'orders', numPartitions: 3 },
    { topic: 'payments', numPartitions: 3 },
  ];

  it('When the broker does not serve a topic just created yet, then it asks again until it does', async () => {
    const { kafka, asked } = brokerAnswering(['payments'], [notHostedYet(), notHostedYet()]);

    await expect(ensureTopics(kafka, topics)).resolves.toEqual(['orders']);

    expect(asked).toEqual([
      ['orders', 'payments'],
      ['orders', 'payments'],
      ['orders', 'payments'],
    ]);
  });

  it('When a partition has no leader yet, then it asks again', async () => {
    const leaderless = { topics: [{ name: 'orders', partitions: [{ partitionId: 0, leader: -1 }] }] };
    const { kafka, asked } = brokerAnswering(['orders', 'payments'], [leaderless]);

    await expect(ensureTopics(kafka, topics)).resolves.toEqual([]);

    expect(asked).toHaveLength(2);
  });

  it('When the broker refuses for a reason that will not pass, then it fails at once', async () => {
    const denied = Object.assign(new Error('Not authorized to access topics'), { retriable: false });
    const { kafka, asked } = brokerAnswering([], [denied]);

    await expect(ensureTopics(kafka, topics)).rejects.toThrow('Not authorized');

    expect(asked).toHaveLength(1);
  });
});
