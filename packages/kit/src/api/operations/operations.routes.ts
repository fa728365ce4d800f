import { z } from 'zod';
import { pageQuery, pageSchema } from '../../pagination/cursor-page';
import type { RouteContract } from '../route-contract';
import { deadLetterView, outboxBacklogView, replayAllView } from './operations.schemas';

const adminOnly = {
  401: { description: 'No valid access token.' },
  403: { description: 'Not an admin.' },
} as const;

/** `<dlq topic>:<partition>:<offset>`, as Kafka names them (a topic is at most 249 of [a-zA-Z0-9._-]). */
const letterId = z
  .string()
  .regex(/^[\w.-]{1,249}:\d{1,10}:\d{1,19}$/, 'must be <dead-letter topic>:<partition>:<offset>');

const replayable = {
  400: { description: 'Invalid Idempotency-Key.' },
  422: { description: 'The Idempotency-Key was used for a different request.' },
  503: { description: 'Kafka did not take the messages (OPERATIONS.REPLAY_FAILED); nothing was recorded.' },
} as const;

/**
 * The operations endpoints of one service. The service name is a literal path segment, so the
 * gateway routes them like any other contract and each service serves only its own.
 */
export function operationsRoutesOf<S extends string>(service: S) {
  const base = `/admin/operations/${service}`;
  const common = { service, tag: 'operations', access: ['ADMIN'] } as const;
  return {
    listDeadLetters: {
      ...common,
      method: 'get',
      path: `${base}/dead-letters`,
      summary: `List ${service}'s dead letters, newest first`,
      query: pageQuery.extend({ replayed: z.enum(['true', 'false']).optional() }),
      responses: {
        200: { description: 'One page.', schema: pageSchema(deadLetterView) },
        400: { description: 'Invalid filter or cursor.' },
        ...adminOnly,
      },
    },
    replayDeadLetter: {
      ...common,
      method: 'post',
      path: `${base}/dead-letters/{letterId}/replay`,
      summary: `Send one of ${service}'s dead letters back to its original topic`,
      idempotent: true,
      params: z.strictObject({ letterId }),
      responses: {
        200: { description: 'The letter, now counted as replayed.', schema: deadLetterView },
        ...adminOnly,
        ...replayable,
        400: { description: 'Invalid dead letter id or Idempotency-Key.' },
        404: { description: 'No such dead letter (OPERATIONS.DEAD_LETTER_NOT_FOUND).' },
      },
    },
    replayAllDeadLetters: {
      ...common,
      method: 'post',
      path: `${base}/dead-letters/replay`,
      summary: `Send every never-replayed dead letter of ${service} back, oldest first`,
      idempotent: true,
      responses: {
        200: { description: 'How many were sent and how many still wait.', schema: replayAllView },
        ...adminOnly,
        ...replayable,
      },
    },
    outboxBacklog: {
      ...common,
      method: 'get',
      path: `${base}/outbox`,
      summary: `Events ${service} has not published yet, by type`,
      responses: { 200: { description: 'The backlog.', schema: outboxBacklogView }, ...adminOnly },
    },
  } satisfies Record<string, RouteContract>;
}

export type OperationsRoutes = ReturnType<typeof operationsRoutesOf>;
