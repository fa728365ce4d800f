import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { continueStoredTrace, currentTraceHeaders } from '../src/telemetry';

describe('Continuing a stored trace from another request', () => {
  const exporter = new InMemorySpanExporter();
  const tracer = () => trace.getTracer('test');

  beforeAll(() => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    trace.setGlobalTracerProvider(new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] }));
  });
  beforeEach(() => exporter.reset());

  const storedFrom = (name: string) => {
    const span = tracer().startSpan(name);
    span.end();
    return { span, headers: currentTraceHeaders(trace.setSpan(context.active(), span)) };
  };

  it('When work runs with a stored trace, then it runs in that trace and it and the request link to each other', async () => {
    const checkout = storedFrom('POST /orders');
    const request = tracer().startSpan('POST /orders/:id/payment');

    const headersInside = await context.with(trace.setSpan(context.active(), request), () =>
      continueStoredTrace(checkout.headers, 'pay order', async () => currentTraceHeaders()),
    );
    request.end();

    const pay = exporter.getFinishedSpans().find((s) => s.name === 'pay order');
    expect(pay?.spanContext().traceId).toBe(checkout.span.spanContext().traceId);
    expect(pay?.parentSpanContext?.spanId).toBe(checkout.span.spanContext().spanId);
    expect(headersInside.traceparent).toContain(pay?.spanContext().spanId);
    expect(pay?.links.map((l) => l.context.spanId)).toEqual([request.spanContext().spanId]);
    const requestSpan = exporter.getFinishedSpans().find((s) => s.name === 'POST /orders/:id/payment');
    expect(requestSpan?.links.map((l) => l.context.spanId)).toEqual([pay?.spanContext().spanId]);
  });

  it('When nothing was stored, then the work stays in the request trace', async () => {
    const request = tracer().startSpan('POST /orders/:id/payment');

    const headersInside = await context.with(trace.setSpan(context.active(), request), () =>
      continueStoredTrace({}, 'pay order', async () => currentTraceHeaders()),
    );
    request.end();

    expect(exporter.getFinishedSpans().map((s) => s.name)).toEqual(['POST /orders/:id/payment']);
    expect(headersInside.traceparent).toContain(request.spanContext().traceId);
  });

  it('When the work fails, then the span is marked as an error and the error reaches the caller', async () => {
    const checkout = storedFrom('POST /orders');

    await expect(
      continueStoredTrace(checkout.headers, 'pay order', async () => {
        throw new Error('balance too low');
      }),
    ).rejects.toThrow('balance too low');

    expect(exporter.getFinishedSpans().find((s) => s.name === 'pay order')?.status.message).toBe('balance too low');
  });
});
