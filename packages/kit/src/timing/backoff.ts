/** Exponential back-off with full jitter, so restarted instances do not retry in lockstep. */
export function backoffDelay(attempt: number, { baseMs = 100, maxMs = 5000 } = {}): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}
