import { AppError } from '@sneakers/kit';

export const GatewayErrors = {
  serviceUnavailable: (service: string) =>
    new AppError('GATEWAY.SERVICE_UNAVAILABLE', 503, 'Service Unavailable', {
      detail: `${service} is not answering; try again shortly.`,
      extensions: { service },
      retryAfterSeconds: 1,
    }),
  upstreamTimeout: (service: string) =>
    new AppError('GATEWAY.UPSTREAM_TIMEOUT', 504, 'Gateway Timeout', {
      detail: `${service} did not answer in time.`,
      extensions: { service },
      // A mutating request may still go through: sent again under its Idempotency-Key, it is replayed.
      retryAfterSeconds: 1,
    }),
  tooManyRequests: (retryAfterSeconds: number) =>
    new AppError('GATEWAY.TOO_MANY_REQUESTS', 429, 'Too Many Requests', {
      detail: `Slow down; retry in ${retryAfterSeconds} s.`,
      retryAfterSeconds,
    }),
} as const;
