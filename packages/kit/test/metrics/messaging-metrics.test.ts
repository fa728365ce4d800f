import { createServiceMetrics, type ServiceMetrics } from '../../src';
import { eventually, metricSample } from '../../src/testing';
import type { CounterWorld } from '../support/counter-fixture';
import { createWorld } from '../support/world-setup';

describe('Outbox and consumer metrics', () => {
  let world: CounterWorld;
  let cleanUp: () => Promise<void>;
  let metrics: ServiceMetrics;

  beforeEach(async () => {
    ({ world, cleanUp } = await createWorld());
    metrics = createServiceMetrics('counter-service');
  });
  afterEach(() => cleanUp());

  const sample = (series: string, labels: Record<string, string> = {}) =>
    metricSample(metrics.registry, series, labels);

  it('When rows wait in the outbox, then the backlog gauges show their count and age, and drop to 0 once published', async () => {
    await world.writeEvents(['a', 'b', 'c'], 1);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Kafka has the batch, but its rows stay in the outbox until the test lets the relay go on.
    await world.relay({ metrics, afterPublish: () => held }).start();
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(await sample('outbox_backlog_rows')).toBe(3);
    expect(await sample('outbox_oldest_unsent_age_seconds')).toBeGreaterThan(0);

    release();
    await eventually(
      'an empty outbox',
      () => sample('outbox_backlog_rows'),
      (rows) => rows === 0,
    );
    expect(await sample('outbox_oldest_unsent_age_seconds')).toBe(0);
  });

  it('When events are consumed, then handler latency is recorded per topic and the lag drops to 0', async () => {
    await world.writeEvents(['a', 'b'], 3);
    const consumer = world.consumer({ metrics });
    await consumer.start();
    await world.relay().start();
    await eventually(
      '6 effects',
      () => world.effects(),
      (e) => e.total === 6,
    );

    const handled = { group: world.groupId, topic: world.topic, result: 'applied' };
    expect(await sample('consumer_handler_duration_seconds_count', handled)).toBe(6);
    expect(await sample('consumer_handler_duration_seconds_sum', handled)).toBeGreaterThan(0);
    const lag = await eventually(
      'the committed offsets to catch up',
      () => sample('consumer_lag_messages', { group: world.groupId, topic: world.topic }),
      (messages) => messages === 0,
    );
    expect(lag).toBe(0);
    // Every partition of the topic has a series (6 in the counter world), even those never written to.
    const text = await metrics.registry.metrics();
    expect(text.match(new RegExp(`consumer_lag_messages\\{[^}]*topic="${world.topic}"`, 'g'))).toHaveLength(6);
  });

  it('When a consumer is stuck on a message, then the lag counts what it has not committed behind it', async () => {
    await world.writeEvents(['a'], 4);
    // The first event keeps failing (for far longer than the test), so one partition stops moving.
    await world.consumer({ metrics, maxAttempts: 1000, failWhen: (seq) => seq === 1 }).start();
    await world.relay().start();

    const lag = await eventually(
      'the 4 published events to show as lag',
      () => sample('consumer_lag_messages', { group: world.groupId, topic: world.topic }),
      (messages) => messages === 4,
    );
    expect(lag).toBe(4);
  });

  it('When an event is dead-lettered, then the dead-letter counter and a dead_lettered handler result go up', async () => {
    await world.writeEvents(['k'], 3);
    const consumer = world.consumer({ metrics, maxAttempts: 2, failWhen: (seq) => seq === 2 });
    await consumer.start();
    await world.relay().start();
    await eventually(
      '2 effects',
      () => world.effects(),
      (e) => e.total === 2,
    );

    const fromTopic = { group: world.groupId, topic: world.topic };
    expect(await sample('consumer_dead_letters_total', fromTopic)).toBe(1);
    expect(await sample('consumer_handler_duration_seconds_count', { ...fromTopic, result: 'dead_lettered' })).toBe(1);
    expect(await sample('consumer_handler_duration_seconds_count', { ...fromTopic, result: 'applied' })).toBe(2);
  });
});
