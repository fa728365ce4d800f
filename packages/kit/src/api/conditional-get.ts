import fresh from 'fresh';

/**
 * Whether a GET's `If-None-Match` already names the representation tagged `etag`: the decision
 * express makes before it answers 304, so a request can be held exactly while it would get one.
 */
export function clientHolds(ifNoneMatch: string, etag: string): boolean {
  return fresh({ 'if-none-match': ifNoneMatch }, { etag });
}
