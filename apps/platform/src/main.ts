// `npm start`: the whole platform. Nothing configured → one process on embedded adapters (see
// run-embedded.ts). KAFKA_BROKERS or REDIS_URL set → every service as its own process against the real
// services, as in production (see external-services.ts).
// Started as `node --import tsx` (so is every service), not with the tsx CLI: the CLI stands between
// the terminal and this process and, on Ctrl+C, SIGKILLs it unless it acknowledges the signal within
// ~60 ms. Under load it sometimes did not, and the platform died mid-drain without a word (seen in CI).
import path from 'node:path';
import { startTelemetry } from '@sneakers/kit/telemetry';
import { externalServicesConfigured, runOnExternalServices } from './external-services';

const ROOT = path.resolve(__dirname, '../../..');
const external = externalServicesConfigured(process.env);

if (external.length > 0) {
  console.log(`[platform] ${external.join(', ')} set: starting each service against the real services`);
  runOnExternalServices(ROOT, process.env).catch((error: unknown) => {
    console.error('[platform] failed to start', error);
    process.exit(1);
  });
} else {
  // Spans go nowhere unless a collector is configured (OTEL_EXPORTER_OTLP_ENDPOINT).
  if (!process.env.OTEL_EXPORTER_OTLP_ENDPOINT) process.env.OTEL_TRACES_EXPORTER ??= 'none';
  startTelemetry('sneakers-platform');
  // Loaded after telemetry so pg, http and express are instrumented.
  import('./run-embedded.js')
    .then(({ runEmbedded }) => runEmbedded(ROOT, process.env))
    .catch((error: unknown) => {
      console.error('[platform] failed to start', error);
      process.exit(1);
    });
}
