/** A span as Zipkin's v2 API returns it (names lower-cased by Zipkin, times in microseconds). */
export interface ZipkinSpan {
  traceId: string;
  id: string;
  parentId?: string;
  name?: string;
  kind?: 'CLIENT' | 'SERVER' | 'PRODUCER' | 'CONSUMER';
  timestamp?: number;
  duration?: number;
  localEndpoint?: { serviceName?: string };
  tags?: Record<string, string>;
}

export const serviceOf = (span: ZipkinSpan) => span.localEndpoint?.serviceName ?? '';
/** How the checkout test names a hop: "catalog-service process order.placed". */
export const hopOf = (span: ZipkinSpan) => `${serviceOf(span)} ${span.name ?? ''}`;

/** Zipkin's query API on the published port. */
export class Zipkin {
  constructor(private readonly baseUrl: string) {}

  /** Traces with a span of `serviceName` that ended in the last `lookbackMs`. */
  async traces(serviceName: string, lookbackMs: number): Promise<ZipkinSpan[][]> {
    const query = new URLSearchParams({
      serviceName,
      endTs: String(Date.now()),
      lookback: String(Math.ceil(lookbackMs)),
      limit: '1000',
    });
    return this.get(`/api/v2/traces?${query}`);
  }

  trace(traceId: string): Promise<ZipkinSpan[]> {
    return this.get(`/api/v2/trace/${traceId}`);
  }

  /** The UI's page for one trace. */
  traceUrl(traceId: string): string {
    return `${this.baseUrl}/zipkin/traces/${traceId}`;
  }

  private async get<T>(path: string): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`);
    if (!response.ok) throw new Error(`Zipkin ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
}
