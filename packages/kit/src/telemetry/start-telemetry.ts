import type { IncomingMessage } from 'node:http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { cacheModuleResolution } from './cache-module-resolution';

let sdk: NodeSDK | undefined;

/** Probes and scrapes arrive every few seconds; a trace for each would bury the real ones. */
const isProbe = (req: IncomingMessage) => /^\/(health\/|metrics\b)/.test(req.url ?? '');

/**
 * Starts OpenTelemetry for a service. Call it from the first import of a main (`instrumentation.ts`)
 * so http, pg and ioredis are patched before anything loads them (fetch is traced through its
 * diagnostics channel). Express is not instrumented: the kit's first handler of every route names
 * the server span after its route (enterRoute). Exporters and sampling come from the standard
 * OTEL_* variables (OTEL_EXPORTER_OTLP_ENDPOINT; OTEL_TRACES_EXPORTER=none turns it off, as the
 * tests' child processes do unless a test asks for spans).
 */
export function startTelemetry(serviceName: string): void {
  if (sdk) return;
  cacheModuleResolution();
  process.env.OTEL_SERVICE_NAME ??= serviceName;
  // Traces only: metrics are scraped from /metrics (Prometheus) and logs go to stdout (pino). Left
  // on, the SDK's default OTLP metrics exporter retries a collector that is not there for seconds
  // at every shutdown.
  process.env.OTEL_METRICS_EXPORTER ??= 'none';
  process.env.OTEL_LOGS_EXPORTER ??= 'none';
  sdk = new NodeSDK({
    serviceName,
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: isProbe }),
      // Only queries made for a request or an event: the relay's polling and LISTEN would otherwise
      // start a trace of their own every second.
      new PgInstrumentation({ requireParentSpan: true }),
      new IORedisInstrumentation({ requireParentSpan: true }),
      new UndiciInstrumentation({ requireParentforSpans: true }),
    ],
  });
  sdk.start();
}

/** Flushes spans still buffered; the last step of a graceful shutdown. */
export async function shutdownTelemetry(): Promise<void> {
  await sdk?.shutdown();
  sdk = undefined;
}
