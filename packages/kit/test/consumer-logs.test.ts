import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { TracerProvider } from '@opentelemetry/sdk-trace';
import pino from 'pino';
import { z } from 'zod';
import { activeTraceIds, defineEvent, EventConsumer, react, writeOutboxEvent } from '../src';
import { eventually } from '../src/testing';
import type { CounterWorld, Tx } from './support/counter-fixture';
import { createWorld } from './support/world-setup';

describe('Consumer log lines', () => {
  let world: CounterWorld;
  let cleanUp: () => Promise<void>;

  beforeAll(async () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    trace.setGlobalTracerProvider(new TracerProvider());
    ({ world, cleanUp } = await createWorld());
  });
  afterAll(() => cleanUp());

  it('When an event about an order fails and is retried, then its log lines carry the trace id and the fields the service asked for', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    // createLogger's mixin, writing to this test's sink instead of stdout.
    const logged = pino({ mixin: activeTraceIds }, sink);
    const touched = defineEvent({
      type: `${world.aggregateType}.touched`,
      version: 1,
      aggregateType: world.aggregateType,
      payload: z.object({ orderId: z.uuid() }),
    });
    const orderId = randomUUID();
    let attempts = 0;
    const consumer = new EventConsumer<Tx>({
      kafka: world.kafka,
      groupId: world.groupId,
      topics: [world.topic],
      logger: logged,
      retryBaseMs: 10,
      runInTransaction: (work) => world.prisma.$transaction(work),
      logFields: (event) => ({ orderId: (event.payload as { orderId: string }).orderId }),
      reactions: [
        react(touched, async () => {
          attempts += 1;
          if (attempts === 1) throw new Error('first try fails');
        }),
      ],
    });
    await consumer.start();
    const requestSpan = trace.getTracer('test').startSpan('POST /orders');
    await context.with(trace.setSpan(context.active(), requestSpan), () =>
      world.prisma.$transaction((tx) => writeOutboxEvent(tx, touched, { aggregateId: orderId, payload: { orderId } })),
    );
    requestSpan.end();
    await world.relay().start();

    const retried = await eventually(
      'the retry log line',
      async () => lines.find((line) => line.msg === 'event failed; retrying'),
      (line) => line !== undefined,
    );
    await eventually(
      'the second attempt',
      async () => attempts,
      (n) => n === 2,
    );
    await consumer.stop();

    expect(retried).toMatchObject({ orderId, trace_id: requestSpan.spanContext().traceId });
  });
});
