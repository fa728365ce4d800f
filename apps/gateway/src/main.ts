import './instrumentation';
import { createLogger, loadConfigOrExit, serve, shutdownTelemetry } from '@sneakers/shared';
import { createGatewayApp } from './app';
import { gatewayEnv } from './config';

const config = loadConfigOrExit(gatewayEnv);
const logger = createLogger('gateway', config.LOG_LEVEL);
void serve(createGatewayApp(logger), {
  port: config.PORT,
  logger,
  drain: [{ name: 'telemetry', stop: shutdownTelemetry }],
});
