import { type Request, type Response, Router } from 'express';
import type { z } from 'zod';
import { accessGuards, type Identity, identityOf, requireApprovedSeller } from '../auth';
import type { SqlExecutor, TransactionRunner } from '../db';
import { AppError } from '../errors';
import { enterRoute } from '../http/enter-route';
import { type Idempotently, idempotently, idempotentRequest } from '../idempotency';
import { PreparedJson } from './prepared-json';
import { expressPath, type RouteContract } from './route-contract';
import { JSON_CONTENT_TYPE, type RouteResult } from './route-result';

type Parsed<S> = NonNullable<S> extends z.ZodType ? z.infer<NonNullable<S>> : undefined;

export interface RouteInput<C extends RouteContract> {
  body: Parsed<C['body']>;
  query: Parsed<C['query']>;
  params: Parsed<C['params']>;
  /** The verified caller; absent only on public routes. */
  identity: C['access'] extends 'public' ? Identity | undefined : Identity;
  req: Request;
}

/** A contract without `idempotent: true`: `handle` serves it. */
export type PlainRoute = RouteContract & { idempotent?: false };

/** A contract with `idempotent: true`: `handleIdempotent` serves it. */
export type IdempotentRoute = RouteContract & { idempotent: true };

export interface IdempotentRouteInput<C extends IdempotentRoute, Tx extends SqlExecutor> extends RouteInput<C> {
  /** This request's Idempotency-Key, bound to the one rule: the use case runs its effect through it. */
  idempotently: Idempotently<Tx>;
}

export interface IdempotencyOptions<C extends IdempotentRoute> {
  /** Whose keys these are on a public route, which has no caller: what a retry repeats and a stranger cannot share. */
  principal: (input: RouteInput<C>) => string;
  /**
   * What the fingerprint may hold of the body, when the body has a secret: the stored fingerprint
   * is a fast hash, so a password in it could be guessed against quickly. Runs for keyed requests only.
   */
  conceal?: (body: Parsed<C['body']>) => Promise<unknown>;
}

/** A public route must say whose keys it serves; a caller's route may only conceal. */
type IdempotencyOptionsOf<C extends IdempotentRoute> = C['access'] extends 'public'
  ? [options: IdempotencyOptions<C>]
  : [options?: Pick<IdempotencyOptions<C>, 'conceal'>];

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
export function handle<C extends PlainRoute>(
  router: Router,
  route: C,
  useCase: (input: RouteInput<C>) => Promise<RouteResult>,
): Router {
  if (route.idempotent) throw new Error(`${describe(route)} is idempotent: register it with handleIdempotent`);
  return register(router, route, useCase);
}

/**
 * `handle` for a contract that accepts an `Idempotency-Key`: the handler owns the key, and hands the
 * use case `idempotently`, bound to the one rule (idempotentRequest) for this request's principal
 * (the caller; on a public route, `options.principal`), params, query and body.
 */
export function handleIdempotent<C extends IdempotentRoute, Tx extends SqlExecutor>(
  router: Router,
  route: C,
  runInTransaction: TransactionRunner<Tx>,
  useCase: (input: IdempotentRouteInput<C, Tx>) => Promise<RouteResult>,
  ...[options]: IdempotencyOptionsOf<C>
): Router {
  if (!route.idempotent) throw new Error(`${describe(route)} is not idempotent: register it with handle`);
  const principalOf = options && 'principal' in options ? options.principal : undefined;
  if (route.access === 'public' && !principalOf) throw new Error(`${describe(route)} is public: name its principal`);
  return register(router, route, async (input) => {
    const key = idempotencyKeyOf(input.req);
    const request =
      key === undefined
        ? undefined
        : idempotentRequest(
            route,
            {
              principal: principalOf ? principalOf(input) : (input.identity as Identity).userId,
              params: input.params,
              query: input.query,
              body: options?.conceal ? await options.conceal(input.body) : input.body,
            },
            key,
          );
    return useCase({ ...input, idempotently: idempotently(runInTransaction, request) });
  });
}

function register<C extends RouteContract>(
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
        req,
      } as RouteInput<C>;
      sendResult(res, await useCase(input));
    } catch (error) {
      next(error);
    }
  });
  return router;
}

const describe = (route: RouteContract) => `${route.method.toUpperCase()} ${route.path}`;

function sendResult(res: Response, { status, body, headers }: RouteResult): void {
  for (const [name, value] of Object.entries(headers ?? {})) res.setHeader(name, value);
  if (body === undefined) res.status(status).end();
  else if (body instanceof PreparedJson) {
    // The header as express's res.json writes it, without its per-call MIME lookup.
    res.setHeader('Content-Type', JSON_CONTENT_TYPE);
    res.setHeader('ETag', body.etag);
    res.status(status).send(body.bytes);
  } else res.status(status).json(body);
}

export const routerFor = (): Router => Router();
