import type { RouteContract } from '../api/route-contract';
import { canonicalJson } from './canonical-json';

/** One keyed request, as the idempotency store sees it. */
export interface IdempotentRequest {
  /** Whose key space: keys are per principal, so two callers never collide. */
  scope: string;
  key: string;
  /** What the request asked for: the same key with another ask is refused. */
  fingerprint: string;
}

/** What a request asks of its route. */
export interface RouteAsk {
  /** Who asks: the caller, or on a public route what stands for them (the email signing up). */
  principal: string;
  params?: unknown;
  query?: unknown;
  body?: unknown;
}

/**
 * The one rule of every idempotent route: a key is its principal's, and a repeat is the same ask
 * when method, route (the contract's path, `/orders/{orderId}`: the id is in the params),
 * principal, params, query and body are equal, object keys in any order.
 */
export function idempotentRequest(
  route: Pick<RouteContract, 'method' | 'path'>,
  { principal, params, query, body }: RouteAsk,
  key: string,
): IdempotentRequest {
  return {
    scope: principal,
    key,
    fingerprint: canonicalJson({ method: route.method, route: route.path, principal, params, query, body }),
  };
}
