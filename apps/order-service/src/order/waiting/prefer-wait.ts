/** The most a client may ask to wait: a request held longer ties up a connection for little gain. */
export const MAX_WAIT_SECONDS = 10;

/** `Prefer: wait=N` (RFC 7240) in seconds, capped at 10; 0 when absent or malformed. */
export function preferredWaitMs(prefer: string | undefined): number {
  const match = prefer?.match(/(?:^|[,;\s])wait\s*=\s*"?(\d{1,6})"?/i);
  if (!match?.[1]) return 0;
  return Math.min(Number(match[1]), MAX_WAIT_SECONDS) * 1000;
}
