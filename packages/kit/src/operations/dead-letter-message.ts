import type { IHeaders, KafkaMessage, Message } from 'kafkajs';
import { EventHeaders } from '../events';
import { DeadLetterHeaders } from '../inbox';

/** What the archive stores of one dead-letter message; bytes travel as base64. */
export interface ArchivedLetter {
  id: string;
  consumerGroup: string;
  originalTopic: string;
  originalPartition: number;
  originalOffset: string;
  eventType: string | null;
  eventId: string | null;
  key: string | null;
  value: string | null;
  /** The original headers, without the `dlq-*` ones, as [name, base64 value] pairs. */
  headers: Array<[string, string]>;
  reason: string;
  attempts: number;
  deadLetteredAt: Date;
}

const DLQ_HEADERS = new Set<string>(Object.values(DeadLetterHeaders));

export const letterId = (topic: string, partition: number, offset: string): string => `${topic}:${partition}:${offset}`;

function headerText(headers: IHeaders, name: string): string | null {
  const value = headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? null : first.toString();
}

/** Null when the message lacks the headers `sendToDeadLetterTopic` writes: then it cannot be replayed. */
export function toArchivedLetter(
  consumerGroup: string,
  dlq: { topic: string; partition: number; message: KafkaMessage },
): ArchivedLetter | null {
  const headers = dlq.message.headers ?? {};
  const originalTopic = headerText(headers, DeadLetterHeaders.originalTopic);
  const originalPartition = headerText(headers, DeadLetterHeaders.originalPartition);
  const originalOffset = headerText(headers, DeadLetterHeaders.originalOffset);
  if (originalTopic === null || originalPartition === null || originalOffset === null) return null;
  const failedAt = headerText(headers, DeadLetterHeaders.failedAt);
  const original: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(headers)) {
    if (DLQ_HEADERS.has(name) || value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value])
      original.push([name, Buffer.from(one).toString('base64')]);
  }
  return {
    id: letterId(dlq.topic, dlq.partition, dlq.message.offset),
    consumerGroup,
    originalTopic,
    originalPartition: Number(originalPartition),
    originalOffset,
    eventType: headerText(headers, EventHeaders.type),
    eventId: headerText(headers, EventHeaders.id),
    key: dlq.message.key?.toString('base64') ?? null,
    value: dlq.message.value?.toString('base64') ?? null,
    headers: original,
    reason: headerText(headers, DeadLetterHeaders.reason) ?? '',
    attempts: Number(headerText(headers, DeadLetterHeaders.attempts) ?? 0),
    deadLetteredAt: failedAt ? new Date(failedAt) : new Date(Number(dlq.message.timestamp)),
  };
}

/** The original message again: same key, value and headers, to the partition it was read from. */
export function toReplayMessage(
  letter: Pick<ArchivedLetter, 'key' | 'value' | 'headers' | 'originalPartition'>,
): Message {
  const headers: IHeaders = {};
  for (const [name, encoded] of letter.headers) {
    const value = Buffer.from(encoded, 'base64');
    const seen = headers[name];
    // kafkajs reads a repeated header name as an array and writes an array back as repeats.
    headers[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return {
    partition: letter.originalPartition,
    key: letter.key === null ? null : Buffer.from(letter.key, 'base64'),
    value: letter.value === null ? null : Buffer.from(letter.value, 'base64'),
    headers,
  };
}
