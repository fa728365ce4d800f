/** Base URI of every problem `type`; stable, so clients can switch on it. */
export const PROBLEM_BASE = 'https://sneakers.example/problems/';

export interface AppErrorOptions {
  detail?: string;
  extensions?: Record<string, unknown>;
  cause?: unknown;
  /** Sent as Retry-After: when trying again makes sense (429, 503). */
  retryAfterSeconds?: number;
}

/**
 * A failure the client can act on. `code` is MODULE.REASON (e.g. ORDER.NOT_CANCELLABLE); the
 * problem `type` is derived from it so the two can never disagree.
 */
export class AppError extends Error {
  readonly detail?: string;
  readonly extensions: Record<string, unknown>;
  readonly retryAfterSeconds?: number;

  constructor(
    readonly code: string,
    readonly status: number,
    readonly title: string,
    options: AppErrorOptions = {},
  ) {
    super(options.detail ?? title, { cause: options.cause });
    this.name = 'AppError';
    this.detail = options.detail;
    this.extensions = options.extensions ?? {};
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get type(): string {
    return `${PROBLEM_BASE}${this.code.toLowerCase().replaceAll('.', '/').replaceAll('_', '-')}`;
  }
}
