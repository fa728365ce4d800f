import { setTimeout as sleep } from 'node:timers/promises';
import type { Consumer, Kafka } from 'kafkajs';
import { DeadLetterArchive } from '../../src/operations/dead-letter-archive';
import { eventually, uniqueName } from '../../src/testing';
import { type CounterWorld, logger } from '../support/counter-fixture';
import { createWorld } from '../support/world-setup';

describe('The dead-letter archive while no letter comes', () => {
  let world: CounterWorld;
  let cleanUp: () => Promise<void>;
  let archive: DeadLetterArchive;
  const fetchesAnswered: number[] = [];
  let joined: Promise<void>;

  beforeEach(async () => {
    ({ world, cleanUp } = await createWorld());
    fetchesAnswered.length = 0;
    // The world's Kafka, with the archive's consumer watched: when it joins, and each fetch the
    // broker answers.
    const kafka = {
      consumer: (config) => {
        const consumer: Consumer = world.kafka.consumer(config);
        joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
        consumer.on(consumer.events.REQUEST, ({ payload }) => {
          if (payload.apiName === 'Fetch') fetchesAnswered.push(Date.now());
        });
        return consumer;
      },
    } as Pick<Kafka, 'consumer'> as Kafka;
    archive = new DeadLetterArchive({
      kafka,
      groupId: uniqueName('archive'),
      consumerGroups: [world.groupId],
      db: world.prisma,
      logger,
    });
    await archive.start();
    await joined;
  });
  afterEach(async () => {
    await archive.stop();
    await cleanUp();
  });

  it('When nothing is dead-lettered for 12 s, then the archive has asked the broker at most twice', async () => {
    const since = Date.now();

    await sleep(12_000);

    // Every 3 s, as the event consumers ask, would be four times.
    expect(fetchesAnswered.filter((at) => at >= since).length).toBeLessThanOrEqual(2);
  });

  it('When a letter comes while the archive waits, then it is archived at once, not when the wait ends', async () => {
    await sleep(1_000); // the archive's fetch is waiting at the broker
    const consumer = world.consumer({ maxAttempts: 1, failWhen: () => true });
    await consumer.start();
    await world.relay().start();
    const [eventId] = await world.writeEvents(['k'], 1);
    const sentAt = Date.now();

    await eventually(
      'the letter archived',
      () => world.prisma.$queryRawUnsafe<unknown[]>('SELECT 1 FROM dead_letters WHERE event_id = $1', eventId),
      (rows) => rows.length === 1,
    );

    expect(Date.now() - sentAt).toBeLessThan(6_000);
  });
});
