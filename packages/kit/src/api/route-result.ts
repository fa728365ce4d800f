/** What a use case answers; `handle` sends it. */
export interface RouteResult {
  status: number;
  /** Sent as JSON; a PreparedJson is sent as it was serialized. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** What express's `res.json` sends, and what `handle` sends with a PreparedJson. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
