import type { Registry } from 'prom-client';

/**
 * The value of a series in Prometheus text (e.g. `consumer_lag_messages`, or a histogram's
 * `…_count`), summed over the series whose labels include `labels`; undefined when none matches.
 */
export function sampleOf(text: string, series: string, labels: Record<string, string> = {}): number | undefined {
  const values = text
    .split('\n')
    .filter((line) => line.startsWith(`${series}{`) || line.startsWith(`${series} `))
    .filter((line) => Object.entries(labels).every(([name, value]) => line.includes(`${name}="${value}"`)))
    .map((line) => Number(line.slice(line.lastIndexOf(' ') + 1)));
  return values.length > 0 ? values.reduce((sum, value) => sum + value, 0) : undefined;
}

/** The same, read from a registry as a scrape would. */
export async function metricSample(
  registry: Registry,
  series: string,
  labels: Record<string, string> = {},
): Promise<number | undefined> {
  return sampleOf(await registry.metrics(), series, labels);
}
