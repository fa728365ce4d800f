import { type Context, context, propagation } from '@opentelemetry/api';

export type CarrierHeaders = Record<string, string>;

/** W3C traceparent/tracestate of the active context, to be stored with an outbox row. */
export function currentTraceHeaders(ctx: Context = context.active()): CarrierHeaders {
  const carrier: CarrierHeaders = {};
  propagation.inject(ctx, carrier);
  return carrier;
}

/** The context a message's headers continue; the root context when they carry none. */
export function contextFromHeaders(headers: CarrierHeaders): Context {
  return propagation.extract(context.active(), headers);
}
