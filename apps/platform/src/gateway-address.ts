import { GATEWAY_PORT, PLATFORM_SERVICES, type PlatformService } from '@sneakers/contracts';

// The services take the five ports after the gateway's, the data-platform receiver the 14th.
const HIGHEST_GATEWAY_PORT = 65_535 - 14;

/** GATEWAY_PORT, or the default: where `npm start` puts the gateway and `npm run demo` finds it. */
export function gatewayPortOf(env: NodeJS.ProcessEnv): number {
  if (env.GATEWAY_PORT === undefined) return GATEWAY_PORT;
  const port = Number(env.GATEWAY_PORT);
  if (!Number.isInteger(port) || port < 1 || port > HIGHEST_GATEWAY_PORT)
    throw new Error(`GATEWAY_PORT must be a port number from 1 to ${HIGHEST_GATEWAY_PORT}, not "${env.GATEWAY_PORT}"`);
  return port;
}

/** Where `npm start` puts a service, next to the gateway: 3001–3005 beside 3000. */
export function servicePortOf(gatewayPort: number, service: PlatformService): number {
  return gatewayPort + PLATFORM_SERVICES[service].port - GATEWAY_PORT;
}

/** Each service's local URL when the gateway is on `gatewayPort`. */
export function serviceUrlsNextTo(gatewayPort: number): Record<PlatformService, string> {
  return Object.fromEntries(
    (Object.keys(PLATFORM_SERVICES) as PlatformService[]).map((s) => [
      s,
      `http://127.0.0.1:${servicePortOf(gatewayPort, s)}`,
    ]),
  ) as Record<PlatformService, string>;
}

/** GATEWAY_URL when the platform runs elsewhere, else the local gateway on GATEWAY_PORT. */
export function gatewayUrlOf(env: NodeJS.ProcessEnv): string {
  return env.GATEWAY_URL ?? `http://127.0.0.1:${gatewayPortOf(env)}`;
}

/** The demo, as typed in another terminal against a gateway on this port. */
export function demoCommand(gatewayPort: number): string {
  return gatewayPort === GATEWAY_PORT ? 'npm run demo' : `GATEWAY_PORT=${gatewayPort} npm run demo`;
}
