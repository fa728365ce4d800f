import type { RouteContract } from './route-contract';

/** Every endpoint the gateway exposes; anything not listed here is internal to its service. */
export const PUBLIC_ROUTES: readonly RouteContract[] = [];
