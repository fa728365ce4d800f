import { startTelemetry } from '@sneakers/kit/telemetry';

// Imported first by main.ts: modules are patched for tracing only if loaded after this runs.
startTelemetry('order-service');
