import { NodeSDK } from '@opentelemetry/sdk-node';

/**
 * Starts OpenTelemetry for a service. Exporters and sampling come from the standard OTEL_* variables
 * (OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_TRACES_EXPORTER=none to switch off), so deployments need no code.
 */
export function startTelemetry(serviceName: string): { shutdown: () => Promise<void> } {
  process.env.OTEL_SERVICE_NAME ??= serviceName;
  const sdk = new NodeSDK({ serviceName });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}
