import type { KafkaMessage } from 'kafkajs';
import { z } from 'zod';
import { type EventEnvelope, EventHeaders } from '../events';
import type { CarrierHeaders } from '../telemetry';

const metadata = z.object({
  [EventHeaders.id]: z.uuid(),
  [EventHeaders.type]: z.string().min(1),
  [EventHeaders.version]: z.coerce.number().int().positive(),
  [EventHeaders.aggregateType]: z.string().min(1),
  [EventHeaders.occurredAt]: z.string().min(1),
});

export type DecodedMessage =
  | { ok: true; envelope: EventEnvelope<unknown>; headers: CarrierHeaders }
  | { ok: false; reason: string };

export function headersAsStrings(message: KafkaMessage): CarrierHeaders {
  const headers: CarrierHeaders = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value === undefined) continue;
    headers[name] = Array.isArray(value) ? String(value[0]) : String(value);
  }
  return headers;
}

/** Rebuilds the envelope from the Kafka headers and the JSON payload; never throws. */
export function decodeMessage(message: KafkaMessage): DecodedMessage {
  const headers = headersAsStrings(message);
  const meta = metadata.safeParse(headers);
  if (!meta.success) return { ok: false, reason: `bad event headers: ${z.prettifyError(meta.error)}` };
  let payload: unknown;
  try {
    payload = JSON.parse(message.value?.toString('utf8') ?? '');
  } catch {
    return { ok: false, reason: 'payload is not JSON' };
  }
  return {
    ok: true,
    headers,
    envelope: {
      eventId: meta.data[EventHeaders.id],
      type: meta.data[EventHeaders.type],
      version: meta.data[EventHeaders.version],
      aggregateType: meta.data[EventHeaders.aggregateType],
      aggregateId: message.key?.toString('utf8') ?? '',
      occurredAt: meta.data[EventHeaders.occurredAt],
      payload,
    },
  };
}
