import { type Request, type Response, Router } from 'express';
import type { z } from 'zod';
import { accessGuards, type Identity, identityOf, requireApprovedSeller } from '../auth';
import { AppError } from '../errors';
import { enterRoute } from '../http/enter-route';
import { PreparedJson } from './prepared-json';
import { expressPath, type RouteContract } from './route-contract';

type Parsed<S> = NonNullable<S> extends z.ZodType ? z.infer<NonNullable<S>> : undefined;

export interface RouteInput<C extends RouteContract> {
  body: Parsed<C['body']>;
  query: Parsed<C['query']>;
  params: Parsed<C['params']>;
  /** The verified caller; absent only on public routes. */
  identity: C['access'] extends 'public' ? Identity | undefined : Identity;
  idempotencyKey: string | undefined;
  req: Request;
}

export interface RouteResult {
  status: number;
  /** Sent as JSON; a PreparedJson is sent as it was serialized. */
  body?: unknown;
  headers?: Record<string, string>;
}

const IDEMPOTENCY_KEY = /^[\w.:-]{1,255}$/;

function idempotencyKeyOf(req: Request): string | undefined {
  const key = req.header('idempotency-key');
  if (key === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new AppError('IDEMPOTENCY.INVALID_KEY', 400, 'Invalid Idempotency-Key', {
      detail: 'Use 1–255 letters, digits, or . _ : - (a UUID is ideal).',
    });
  }
  return key;
}

/**
 * Registers the service side of a contract: role check (and, on seller routes, the seller's
 * approval as this service knows it), input validation with the contract's own schemas (so docs and
 * behaviour cannot drift), then the use case; its result becomes the response.
 */
export function handle<C extends RouteContract>(
  router: Router,
  route: C,
  useCase: (input: RouteInput<C>) => Promise<RouteResult>,
): Router {
  const sellerRoute = Array.isArray(route.access) && route.access.includes('SELLER');
  const guards = [...accessGuards(route.access), ...(sellerRoute ? [requireApprovedSeller] : [])];
  router[route.method](expressPath(route.path), enterRoute, ...guards, async (req: Request, res: Response, next) => {
    try {
      const input = {
        body: route.body ? route.body.parse(req.body ?? {}) : undefined,
        query: route.query ? route.query.parse(req.query) : undefined,
        params: route.params ? route.params.parse(req.params) : undefined,
        identity: route.access === 'public' ? res.locals.identity : identityOf(res),
        idempotencyKey: route.idempotent ? idempotencyKeyOf(req) : undefined,
        req,
      } as RouteInput<C>;
      sendResult(res, await useCase(input));
    } catch (error) {
      next(error);
    }
  });
  return router;
}

function sendResult(res: Response, { status, body, headers }: RouteResult): void {
  for (const [name, value] of Object.entries(headers ?? {})) res.setHeader(name, value);
  if (body === undefined) res.status(status).end();
  else if (body instanceof PreparedJson) {
    // The header as express's res.json writes it, without its per-call MIME lookup.
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('ETag', body.etag);
    res.status(status).send(body.bytes);
  } else res.status(status).json(body);
}

export const routerFor = (): Router => Router();
