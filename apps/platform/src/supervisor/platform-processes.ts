import path from 'node:path';
import { PLATFORM_SERVICES, type PlatformService } from '@sneakers/contracts';
import { gatewayPortOf, servicePortOf, serviceUrlsNextTo } from '../gateway-address';
import type { ProcessSpec } from './supervised-process';

/**
 * The processes of the multi-process `npm start`, in two stages: the five services, then the
 * gateway (which stops first, so requests in flight still reach their services). The ports
 * follow GATEWAY_PORT as in the embedded mode, and each process is told where the others are.
 * (Nothing waits for user-service, whose signing keys the others need: they fetch them on the
 * first request that carries a token.)
 */
export function platformProcesses(root: string, env: NodeJS.ProcessEnv): ProcessSpec[][] {
  const gatewayPort = gatewayPortOf(env);
  const urls = serviceUrlsNextTo(gatewayPort);
  const JWKS_URL = `${urls['user-service']}/.well-known/jwks.json`;
  const services = (Object.keys(PLATFORM_SERVICES) as PlatformService[]).map((service) =>
    workspace(root, service, { ...env, PORT: String(servicePortOf(gatewayPort, service)), JWKS_URL }),
  );
  const gateway = workspace(root, 'gateway', {
    ...env,
    PORT: String(gatewayPort),
    JWKS_URL,
    USER_SERVICE_URL: urls['user-service'],
    CATALOG_SERVICE_URL: urls['catalog-service'],
    COUPON_SERVICE_URL: urls['coupon-service'],
    ORDER_SERVICE_URL: urls['order-service'],
    PAYMENT_SERVICE_URL: urls['payment-service'],
  });
  return [services, [gateway]];
}

/** What the workspace's `start` script runs, without npm in between: signals reach the service itself. */
function workspace(root: string, name: string, env: NodeJS.ProcessEnv): ProcessSpec {
  return { name, cwd: path.join(root, 'apps', name), args: ['--import', 'tsx', 'src/main.ts'], env };
}
