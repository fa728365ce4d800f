import { DeadLetterHeaders, EventHeaders } from '../src';
import { eventually, readTopic } from '../src/testing';
import type { CounterWorld } from './support/counter-fixture';
import { createWorld } from './support/world-setup';

describe('Dead letters', () => {
  let world: CounterWorld;
  let cleanUp: () => Promise<void>;

  beforeEach(async () => {
    ({ world, cleanUp } = await createWorld());
  });
  afterEach(() => cleanUp());

  it('When a message keeps failing, then it lands in the dead-letter topic after the retry budget and later messages still flow', async () => {
    const ids = await world.writeEvents(['k'], 5);
    const consumer = world.consumer({ maxAttempts: 3, failWhen: (seq) => seq === 2 });
    await consumer.start();
    await world.relay().start();

    const [letter] = await readTopic(world.kafka, world.dlqTopic, 1);
    const headers = letter?.message.headers ?? {};
    expect(headers[EventHeaders.id]?.toString()).toBe(ids[1]);
    expect(headers[DeadLetterHeaders.attempts]?.toString()).toBe('3');
    expect(headers[DeadLetterHeaders.reason]?.toString()).toContain('poison seq 2');
    expect(headers[DeadLetterHeaders.originalTopic]?.toString()).toBe(world.topic);

    const effects = await eventually(
      'the other 4 effects',
      () => world.effects(),
      (e) => e.total >= 4,
    );
    expect(effects.total).toBe(4);
  });

  it('When a payload breaks its contract, then it is dead-lettered at once without retries', async () => {
    const producer = world.kafka.producer();
    await producer.connect();
    await producer.send({
      topic: world.topic,
      messages: [
        {
          key: 'k',
          value: JSON.stringify({ seq: 'not a number' }),
          headers: {
            [EventHeaders.id]: '00000000-0000-4000-8000-000000000001',
            [EventHeaders.type]: world.contracts.incremented.type,
            [EventHeaders.version]: '1',
            [EventHeaders.aggregateType]: world.aggregateType,
            [EventHeaders.occurredAt]: new Date().toISOString(),
          },
        },
        { key: 'k', value: 'not even json', headers: {} },
      ],
    });
    await producer.disconnect();
    await world.writeEvents(['k'], 1);
    await world.consumer().start();
    await world.relay().start();

    const letters = await readTopic(world.kafka, world.dlqTopic, 2);
    expect(letters.map((l) => l.message.headers?.[DeadLetterHeaders.attempts]?.toString())).toEqual(['0', '0']);
    expect(letters[0]?.message.headers?.[DeadLetterHeaders.reason]?.toString()).toContain('invalid');
    await eventually(
      'the valid event applied',
      () => world.effects(),
      (e) => e.total === 1,
    );
  });
});
