import { operationsRoutesOf } from '@sneakers/kit';
import { PLATFORM_SERVICES, type PlatformService } from '../platform-services';
import type { PlatformRoute } from './platform-route';

/** Every service's operations endpoints, for the gateway and the OpenAPI document. */
export const operationsRoutes: readonly PlatformRoute[] = (Object.keys(PLATFORM_SERVICES) as PlatformService[]).flatMap(
  (service) => Object.values(operationsRoutesOf(service)),
);
