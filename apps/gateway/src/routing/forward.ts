import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import { type Dispatcher, Pool } from 'undici';
import { GatewayErrors } from './gateway.errors';

/** What a client may send on to a service; everything else (cookies, hop-by-hop) stays here. */
const FORWARDED_REQUEST_HEADERS = ['authorization', 'idempotency-key', 'prefer', 'accept', 'x-request-id'];
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'content-length']);

export interface Upstream {
  service: string;
  /** Kept-alive connections to the service, shared by all its routes (see `upstreamPool`). */
  pool: Dispatcher;
  timeoutMs: number;
}

/**
 * Keep-alive connections to one service, through undici: Node's http client spent most of the
 * gateway's CPU per hop (profiled), and undici's costs less. Pipelining stays off (one request per
 * connection at a time), so a slow answer never holds up another. Undici follows a service's
 * `Keep-Alive: timeout=…` hint, so an idle connection is dropped before the service would close it.
 */
export function upstreamPool(origin: string): Pool {
  return new Pool(origin, { connections: 256, pipelining: 1 });
}

/**
 * Sends the request on to the owning service and streams its answer back. The body goes on as the
 * bytes the client sent (size-checked and decompressed here, never parsed: the service reads it),
 * so whatever a client sends, the gateway has nothing to re-serialise. Trace context is injected by
 * the undici instrumentation, so the service's spans join the gateway's trace.
 */
export async function forward(req: Request, res: Response, upstream: Upstream): Promise<void> {
  const body = Buffer.isBuffer(req.body) && req.body.length > 0 ? req.body : undefined;
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = name === 'x-request-id' ? res.getHeader('x-request-id') : req.header(name);
    if (value !== undefined) headers[name] = String(value);
  }
  // As sent (application/json, perhaps with a charset): the service decodes it.
  if (body) headers['content-type'] = req.header('content-type') ?? 'application/json';
  const request: Dispatcher.RequestOptions = {
    path: req.originalUrl,
    method: req.method as Dispatcher.HttpMethod,
    headers,
    body,
    headersTimeout: upstream.timeoutMs,
    bodyTimeout: upstream.timeoutMs,
  };
  const repeatable = req.method === 'GET' || req.method === 'HEAD' || headers['idempotency-key'] !== undefined;
  const answer = await upstream.pool
    .request(request)
    // A kept-alive connection that failed as it was reused: most likely the service closed it for
    // idleness and never saw the request. Sent again once on a new connection where repeating it
    // is harmless (a read, or a write under an Idempotency-Key).
    .catch((error: unknown) =>
      repeatable && connectionDropped(error) ? upstream.pool.request(request) : Promise.reject(error),
    )
    .catch((error: unknown) => Promise.reject(gatewayError(error, upstream.service)));
  res.status(answer.statusCode);
  for (const [name, value] of Object.entries(answer.headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name) && name !== 'x-request-id') res.setHeader(name, value);
  }
  await pipeline(answer.body, res).catch((error: unknown) => {
    // The client left before the answer was through: nobody is left to tell, and pipeline has
    // already dropped the rest of the service's answer.
    if (res.destroyed && !res.writableFinished) return;
    throw error;
  });
}

const connectionDropped = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ECONNRESET' || code === 'UND_ERR_SOCKET';
};

function gatewayError(error: unknown, service: string) {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT')
    return GatewayErrors.upstreamTimeout(service);
  return GatewayErrors.serviceUnavailable(service);
}
