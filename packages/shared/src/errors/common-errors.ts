import { AppError, type AppErrorOptions } from './app-error';

/** Errors any HTTP service can raise, independent of its domain. */
export const HttpErrors = {
  notFound: (detail = 'No such resource.') => new AppError('HTTP.NOT_FOUND', 404, 'Not Found', { detail }),
  validation: (errors: Array<{ path: string; message: string }>) =>
    new AppError('HTTP.VALIDATION_FAILED', 400, 'Request validation failed', {
      detail: errors.map((e) => `${e.path || '(body)'}: ${e.message}`).join('; '),
      extensions: { errors },
    }),
  malformedJson: () =>
    new AppError('HTTP.MALFORMED_JSON', 400, 'Malformed JSON', { detail: 'The request body is not valid JSON.' }),
  unsupportedMediaType: () =>
    new AppError('HTTP.UNSUPPORTED_MEDIA_TYPE', 415, 'Unsupported Media Type', {
      detail: 'Send the body as application/json.',
    }),
  payloadTooLarge: () => new AppError('HTTP.PAYLOAD_TOO_LARGE', 413, 'Payload Too Large'),
  busy: ({ cause }: Pick<AppErrorOptions, 'cause'> = {}) =>
    new AppError('HTTP.SERVICE_BUSY', 503, 'Service Busy', {
      detail: 'Too many requests are ahead of this one; nothing was changed. Retry shortly.',
      retryAfterSeconds: 1,
      cause,
    }),
} as const;
