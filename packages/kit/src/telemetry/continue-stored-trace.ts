import { propagation, ROOT_CONTEXT, SpanStatusCode, trace } from '@opentelemetry/api';
import type { CarrierHeaders } from './propagation';

const tracer = trace.getTracer('@sneakers/kit/telemetry');

/**
 * Runs `work` in a span of a trace stored earlier (e.g. with an order by the consumer that learnt of
 * it), so what a later request causes joins that trace: paying an order lands in the checkout's
 * trace, and the payment's events with it. The request's own span and the new span link to each
 * other, so each trace leads to the other. With nothing stored, `work` stays in the request's trace.
 */
export async function continueStoredTrace<T>(stored: CarrierHeaders, name: string, work: () => Promise<T>): Promise<T> {
  // Extracted onto the root context: with nothing stored, the request's own span must not pass for it.
  const storedContext = propagation.extract(ROOT_CONTEXT, stored);
  const storedSpan = trace.getSpanContext(storedContext);
  if (!storedSpan || !trace.isSpanContextValid(storedSpan)) return work();
  const requestSpan = trace.getActiveSpan();
  const requestLinks = requestSpan ? [{ context: requestSpan.spanContext() }] : [];
  return tracer.startActiveSpan(name, { links: requestLinks }, storedContext, async (span) => {
    requestSpan?.addLink({ context: span.spanContext() });
    try {
      return await work();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  });
}
