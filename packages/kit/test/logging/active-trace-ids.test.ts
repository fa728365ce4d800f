import { context, INVALID_SPAN_CONTEXT, type SpanContext, TraceFlags, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { activeTraceIds } from '../../src';

const inSpan = <T>(spanContext: SpanContext, work: () => T): T =>
  context.with(trace.setSpan(context.active(), trace.wrapSpanContext(spanContext)), work);

describe('The trace ids on a log line', () => {
  beforeAll(() => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  });
  afterAll(() => context.disable());

  it('When a line is written inside a span, then it carries that span’s trace and span ids', () => {
    const span = { traceId: 'a1'.repeat(16), spanId: 'b2'.repeat(8), traceFlags: TraceFlags.SAMPLED };

    expect(inSpan(span, activeTraceIds)).toEqual({ trace_id: span.traceId, span_id: span.spanId });
  });

  it('When a line is written outside any span, then it carries no ids', () => {
    expect(activeTraceIds()).toEqual({});
  });

  it('When the span has no valid context (no SDK registered), then the line carries no ids, not zeros', () => {
    expect(inSpan(INVALID_SPAN_CONTEXT, activeTraceIds)).toEqual({});
  });
});
