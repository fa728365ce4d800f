import { createLogger, loadConfigOrExit, serve, startTelemetry } from '@sneakers/shared';
import { createGatewayApp } from './app';
import { gatewayEnv } from './config';

const config = loadConfigOrExit(gatewayEnv);
const telemetry = startTelemetry('gateway');
const logger = createLogger('gateway', config.LOG_LEVEL);
void serve(createGatewayApp(logger), {
  port: config.PORT,
  logger,
  drain: [{ name: 'telemetry', stop: () => telemetry.shutdown() }],
});
