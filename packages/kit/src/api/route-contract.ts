import type { z } from 'zod';
import type { Role } from '../auth';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export type Access = 'public' | 'authenticated' | readonly Role[];

/**
 * One public endpoint, declared once: the owning service validates requests with these schemas,
 * the gateway routes and authorizes with it, and the OpenAPI document is generated from it.
 */
export interface RouteContract<
  Body extends z.ZodType = z.ZodType,
  Query extends z.ZodType = z.ZodType,
  Params extends z.ZodType = z.ZodType,
> {
  /** The service that serves it, by name: the gateway forwards the route there. */
  service: string;
  method: HttpMethod;
  /** OpenAPI style: `/orders/{orderId}`. */
  path: string;
  summary: string;
  tag: string;
  /**
   * `public`; `authenticated` (any verified caller, whatever their role or seller status); or the
   * roles allowed (an unapproved seller is refused SELLER routes).
   */
  access: Access;
  /** Mutating POSTs accept an `Idempotency-Key` header. */
  idempotent?: boolean;
  body?: Body;
  query?: Query;
  params?: Params;
  responses: Record<number, { description: string; schema?: z.ZodType }>;
}

/** `/orders/{orderId}` → `/orders/:orderId` (express syntax). */
export function expressPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}
