/** Percentile by nearest rank over a sorted copy; good enough for a few thousand samples. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function summarize(samplesMs: number[]): { count: number; p50Ms: number; p99Ms: number; maxMs: number } {
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    count: samplesMs.length,
    p50Ms: round(percentile(samplesMs, 50)),
    p99Ms: round(percentile(samplesMs, 99)),
    maxMs: round(Math.max(...samplesMs)),
  };
}
