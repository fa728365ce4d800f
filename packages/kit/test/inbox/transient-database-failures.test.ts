import { DeadLetterHeaders, EventConsumer, type EventEnvelope, react } from '../../src';
import { eventually, readTopic } from '../../src/testing';
import { type CounterWorld, logger, type Tx } from '../support/counter-fixture';
import { createWorld } from '../support/world-setup';

const MAX_ATTEMPTS = 3;
const TRANSIENT_FAILURES = 10;

/** What pg throws for a query on a backend an operator terminated. */
const backendTerminated = () =>
  Object.assign(new Error('terminating connection due to administrator command'), {
    code: '57P01',
    severity: 'FATAL',
  });

/**
 * A database outage longer than the retry budget: the events must wait for the database, not go to
 * the dead-letter topic (the saga waiting on them would stall), while an event that fails by
 * itself still goes there after its attempts.
 */
describe('Consumer retries while the database is down', () => {
  let world: CounterWorld;
  let cleanUp: () => Promise<void>;
  let consumer: EventConsumer<Tx> | undefined;
  const applied: number[] = [];

  beforeEach(async () => {
    ({ world, cleanUp } = await createWorld());
    applied.length = 0;
  });
  afterEach(async () => {
    await consumer?.stop();
    await cleanUp();
  });

  const messagesOn = async (topic: string) => {
    const admin = world.kafka.admin();
    await admin.connect();
    try {
      return (await admin.fetchTopicOffsets(topic)).reduce((n, p) => n + Number(p.high), 0);
    } finally {
      await admin.disconnect();
    }
  };

  /** A consumer whose transactions fail with what `fail()` returns (if anything), before the reaction runs. */
  const startConsumer = async (fail: () => Error | undefined) => {
    consumer = new EventConsumer<Tx>({
      kafka: world.kafka,
      groupId: world.groupId,
      topics: [world.topic],
      logger,
      maxAttempts: MAX_ATTEMPTS,
      retryBaseMs: 1,
      runInTransaction: async (work) => {
        const failure = fail();
        if (failure) throw failure;
        return world.prisma.$transaction(work);
      },
      reactions: [
        react(world.contracts.incremented, async (event: EventEnvelope<{ seq: number }>) => {
          applied.push(event.payload.seq);
        }),
      ],
    });
    await consumer.start();
  };

  it(`When the database fails an event ${TRANSIENT_FAILURES} times in a row, then the event is applied in the end and never dead-lettered`, async () => {
    let tries = 0;
    await startConsumer(() => (++tries <= TRANSIENT_FAILURES ? backendTerminated() : undefined));
    await world.writeEvents(['k'], 1);
    await world.relay().start();

    await eventually(
      'the event applied',
      async () => applied,
      (seqs) => seqs.length === 1,
      { timeoutMs: 30_000 },
    );
    expect(tries).toBe(TRANSIENT_FAILURES + 1);
    expect(await messagesOn(world.dlqTopic)).toBe(0);
  });

  it(`When an event fails by itself, then it is still dead-lettered after ${MAX_ATTEMPTS} attempts, the database's failures not counted`, async () => {
    let tries = 0;
    // Transient and own failures interleaved: only the own ones use up attempts.
    await startConsumer(() => (++tries % 2 === 1 ? backendTerminated() : new Error('the event is bad')));
    await world.writeEvents(['k'], 1);
    await world.relay().start();

    const [letter] = await readTopic(world.kafka, world.dlqTopic, 1);
    expect(letter?.message.headers?.[DeadLetterHeaders.attempts]?.toString()).toBe(String(MAX_ATTEMPTS));
    expect(letter?.message.headers?.[DeadLetterHeaders.reason]?.toString()).toContain('the event is bad');
    expect(tries).toBe(2 * MAX_ATTEMPTS);
    expect(applied).toEqual([]);
  });
});
