import type { RouteContract } from '@sneakers/kit';
import type { PlatformService } from '../platform-services';

/** A route one of the platform's services serves: what the gateway routes and documents. */
export type PlatformRoute = RouteContract & { service: PlatformService };
