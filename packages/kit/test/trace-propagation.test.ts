import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { writeOutboxEvent } from '../src';
import { eventually } from '../src/testing';
import type { CounterWorld } from './support/counter-fixture';
import { createWorld } from './support/world-setup';

describe('Trace context across the outbox and Kafka', () => {
  const exporter = new InMemorySpanExporter();
  let world: CounterWorld;
  let cleanUp: () => Promise<void>;

  beforeAll(async () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    trace.setGlobalTracerProvider(new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] }));
    ({ world, cleanUp } = await createWorld());
  });
  afterAll(() => cleanUp());

  it('When a request writes an event, then the consumer span carries the trace id of that request', async () => {
    const requestSpan = trace.getTracer('test').startSpan('POST /counters');
    const requestTraceId = requestSpan.spanContext().traceId;
    await context.with(trace.setSpan(context.active(), requestSpan), () =>
      world.prisma.$transaction((tx) =>
        writeOutboxEvent(tx, world.contracts.incremented, { aggregateId: 'k', payload: { seq: 1 } }),
      ),
    );
    requestSpan.end();

    await world.consumer().start();
    await world.relay().start();
    await eventually(
      'the effect',
      () => world.effects(),
      (e) => e.total === 1,
    );

    const spans = await eventually(
      'the consumer span',
      async () => exporter.getFinishedSpans(),
      (all) => all.some((s) => s.name === `process ${world.contracts.incremented.type}`),
    );
    const publish = spans.find((s) => s.name === `publish ${world.contracts.incremented.type}`);
    const process = spans.find((s) => s.name === `process ${world.contracts.incremented.type}`);
    expect(publish?.spanContext().traceId).toBe(requestTraceId);
    expect(process?.spanContext().traceId).toBe(requestTraceId);
    expect(process?.parentSpanContext?.spanId).toBe(publish?.spanContext().spanId);
  });

  it("When events of ten requests share one transaction, then each is applied in its own request's trace", async () => {
    // A world of its own: the first test's consumer is still running in the shared one.
    const own = await createWorld();
    const requestTraceIds: string[] = [];
    for (let seq = 1; seq <= 10; seq++) {
      const requestSpan = trace.getTracer('test').startSpan('POST /counters');
      requestTraceIds.push(requestSpan.spanContext().traceId);
      await context.with(trace.setSpan(context.active(), requestSpan), () =>
        own.world.prisma.$transaction((tx) =>
          writeOutboxEvent(tx, own.world.contracts.incremented, { aggregateId: 'shared', payload: { seq } }),
        ),
      );
      requestSpan.end();
    }
    await own.world.publishBacklog();
    await own.world.consumer({ shareTransactions: true }).start();

    const applied = await eventually(
      'the ten effects',
      () => own.world.traceIdsBySeq('shared'),
      (bySeq) => bySeq.size === 10,
    );
    expect([...applied.entries()].sort(([a], [b]) => a - b).map(([, traceId]) => traceId)).toEqual(requestTraceIds);
    expect(await own.world.largestBatch()).toBeGreaterThan(1);
    await own.cleanUp();
  });
});
