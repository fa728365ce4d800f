import type { IHeaders, KafkaMessage, Producer } from 'kafkajs';

export interface DeadLetter {
  groupId: string;
  topic: string;
  partition: number;
  message: KafkaMessage;
  reason: string;
  attempts: number;
}

/** Header names on a dead letter; a replay tool reads them to send the message back. */
export const DeadLetterHeaders = {
  reason: 'dlq-reason',
  attempts: 'dlq-attempts',
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  failedAt: 'dlq-failed-at',
} as const;

/** The original key, value and headers, plus why and where it failed. */
export async function sendToDeadLetterTopic(producer: Producer, dlqTopic: string, letter: DeadLetter): Promise<void> {
  const headers: IHeaders = {
    ...letter.message.headers,
    [DeadLetterHeaders.reason]: letter.reason.slice(0, 2000),
    [DeadLetterHeaders.attempts]: String(letter.attempts),
    [DeadLetterHeaders.originalTopic]: letter.topic,
    [DeadLetterHeaders.originalPartition]: String(letter.partition),
    [DeadLetterHeaders.originalOffset]: letter.message.offset,
    [DeadLetterHeaders.failedAt]: new Date().toISOString(),
  };
  await producer.send({
    topic: dlqTopic,
    acks: -1,
    messages: [{ key: letter.message.key, value: letter.message.value, headers }],
  });
}
