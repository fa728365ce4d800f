import path from 'node:path';
import { shutdownTelemetry } from '@sneakers/kit';
import { startDataPlatformReceiver } from '@sneakers/order-service/src/data-platform/data-platform-receiver';
import { banner } from './banner';
import { seedDemo } from './demo/seed-demo';
import { startEmbeddedPlatform } from './embedded-platform';
import { gatewayPortOf } from './gateway-address';
import { readableLogsAtATerminal } from './terminal-logs';

const STOP_TIMEOUT_MS = 30_000;
const DATA_PLATFORM_OFFSET = 14; // 3014 next to the gateway's 3000, as `npm run data-platform` uses

/**
 * `npm start` with nothing configured. SNEAKERS_DATA_DIR picks where data is kept (default .data
 * in the repository; `memory` keeps nothing), GATEWAY_PORT the gateway's port (services follow).
 *
 * What the terminal shows: warnings only while starting and seeding, then the banner, then one line
 * per request through the gateway (the services' own request lines would repeat each of them).
 * LOG_LEVEL, when set, applies to every service from the start, seeding included.
 */
export async function runEmbedded(root: string, env: NodeJS.ProcessEnv): Promise<void> {
  const dataDir = env.SNEAKERS_DATA_DIR === 'memory' ? undefined : path.resolve(root, env.SNEAKERS_DATA_DIR ?? '.data');
  const gatewayPort = gatewayPortOf(env);
  const say = (line: string) => console.log(`[platform] ${line}`);
  readableLogsAtATerminal();

  const receiver = await startDataPlatformReceiver(gatewayPort + DATA_PLATFORM_OFFSET);
  say('starting six services on embedded adapters…');
  const platform = await startEmbeddedPlatform({
    dataDir,
    gatewayPort,
    env: { LOG_LEVEL: env.LOG_LEVEL ?? 'warn', NODE_ENV: env.NODE_ENV, ...otelVariables(env) },
    serviceEnv: { 'order-service': { DATA_PLATFORM_URL: receiver.url } },
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping (requests in flight finish, events are handed over)…`);
    let step = 'starting to stop';
    // A stop that hangs must not leave a terminal stuck: say where it hung, and go.
    setTimeout(() => {
      say(`did not stop within ${STOP_TIMEOUT_MS / 1000} s (at: ${step}); exiting anyway`);
      process.exit(1);
    }, STOP_TIMEOUT_MS).unref();
    await platform.stop((next) => {
      step = next;
    });
    await receiver.close();
    await shutdownTelemetry();
    // The services' last lines first (JSON is written in chunks), so that this one is the last.
    await new Promise((resolve) => platform.gatewayLogger.flush(resolve));
    say('stopped');
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(signal));

  try {
    const { seeded } = await seedDemo(platform.gatewayUrl, (line) => say(`seed: ${line}`));
    if (seeded) say('demo data seeded');
  } catch (error) {
    if (stopping) return; // stopped while seeding: the next start seeds again
    throw error;
  }
  console.log(banner({ gatewayUrl: platform.gatewayUrl, gatewayPort, dataDir, dataPlatformUrl: receiver.url }));
  if (!env.LOG_LEVEL) platform.gatewayLogger.level = 'info';
}

function otelVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => name.startsWith('OTEL_')));
}
