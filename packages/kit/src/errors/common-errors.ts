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
  jsonTooDeep: (maxDepth: number) =>
    new AppError('HTTP.JSON_TOO_DEEP', 400, 'JSON nested too deeply', {
      detail: `Arrays and objects may nest at most ${maxDepth} deep.`,
    }),
  undecodableBody: () =>
    new AppError('HTTP.UNDECODABLE_BODY', 400, 'Undecodable body', {
      detail: 'The body is not encoded as its Content-Encoding says.',
    }),
  unsupportedContentEncoding: () =>
    new AppError('HTTP.UNSUPPORTED_CONTENT_ENCODING', 415, 'Unsupported Content-Encoding', {
      detail: 'Send the body as it is, or compressed with gzip, deflate or br.',
    }),
  malformedRequest: (detail: string) => new AppError('HTTP.MALFORMED_REQUEST', 400, 'Malformed request', { detail }),
  payloadTooLarge: () => new AppError('HTTP.PAYLOAD_TOO_LARGE', 413, 'Payload Too Large'),
  requestTimeout: () =>
    new AppError('HTTP.REQUEST_TIMEOUT', 408, 'Request Timeout', { detail: 'The request did not arrive in time.' }),
  headersTooLarge: () =>
    new AppError('HTTP.HEADERS_TOO_LARGE', 431, 'Request Header Fields Too Large', {
      detail: 'The request line and headers together must stay under 16 KiB.',
    }),
  busy: ({ cause }: Pick<AppErrorOptions, 'cause'> = {}) =>
    new AppError('HTTP.SERVICE_BUSY', 503, 'Service Busy', {
      detail: 'Too many requests are ahead of this one; nothing was changed. Retry shortly.',
      retryAfterSeconds: 1,
      cause,
    }),
  databaseUnavailable: ({ cause }: Pick<AppErrorOptions, 'cause'> = {}) =>
    new AppError('HTTP.DATABASE_UNAVAILABLE', 503, 'Database Unavailable', {
      detail:
        'The database could not finish this request (a lost connection, a restart or a conflict); nothing was changed. Retry shortly.',
      retryAfterSeconds: 1,
      cause,
    }),
} as const;
