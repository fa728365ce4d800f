import { ExpressInstrumentation, ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK } from '@opentelemetry/sdk-node';

let sdk: NodeSDK | undefined;

/**
 * Starts OpenTelemetry for a service. Call it from the first import of a main (`instrumentation.ts`)
 * so http, express and pg are patched before anything loads them. Exporters and sampling come from
 * the standard OTEL_* variables (OTEL_EXPORTER_OTLP_ENDPOINT; OTEL_TRACES_EXPORTER=none turns it off).
 */
export function startTelemetry(serviceName: string): void {
  if (sdk) return;
  process.env.OTEL_SERVICE_NAME ??= serviceName;
  sdk = new NodeSDK({
    serviceName,
    instrumentations: [
      new HttpInstrumentation(),
      // A span per middleware (request id, logger, json, auth…) costs more than it tells.
      new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE] }),
      new PgInstrumentation(),
    ],
  });
  sdk.start();
}

/** Flushes spans still buffered; the last step of a graceful shutdown. */
export async function shutdownTelemetry(): Promise<void> {
  await sdk?.shutdown();
  sdk = undefined;
}
