import { AppError } from '../errors';

export const OperationsErrors = {
  deadLetterNotFound: (letterId: string) =>
    new AppError('OPERATIONS.DEAD_LETTER_NOT_FOUND', 404, 'Dead letter not found', {
      detail: `This service has no dead letter ${letterId}.`,
    }),
  replayFailed: (cause: unknown) =>
    new AppError('OPERATIONS.REPLAY_FAILED', 503, 'Replay failed', {
      detail: 'Kafka did not take the messages; no replay was recorded. Try again.',
      cause,
    }),
} as const;
