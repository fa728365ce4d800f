import http from 'node:http';
import type { Request, Response } from 'express';
import { GatewayErrors } from './gateway.errors';

// Keep-alive: a new TCP connection per proxied request would double the gateway's cost. The
// timeout is what makes Node's agent honour a service's `Keep-Alive: timeout=5` hint (without one it
// ignores it): an idle connection is dropped a second before the service would close it, instead
// of being reused just as the service closes it (ECONNRESET, a 503 for a request that never arrived).
const agent = new http.Agent({ keepAlive: true, maxSockets: 256, timeout: 60_000 });

/** What a client may send on to a service; everything else (cookies, hop-by-hop) stays here. */
const FORWARDED_REQUEST_HEADERS = [
  'authorization',
  'idempotency-key',
  'prefer',
  'if-none-match',
  'accept',
  'x-request-id',
];
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'content-length']);

export interface Upstream {
  service: string;
  /** Of the service's base URL, taken apart once rather than a URL parsed per request. */
  host: string;
  port: number;
  timeoutMs: number;
}

/**
 * Sends the request on to the owning service and streams its answer back. The body goes on as the
 * bytes the client sent (size-checked and decompressed here, never parsed: the service reads it),
 * so whatever a client sends, the gateway has nothing to re-serialise. Trace context is injected by
 * the http instrumentation, so the service's spans join the gateway's trace.
 */
export function forward(req: Request, res: Response, upstream: Upstream): Promise<void> {
  return new Promise((resolve, reject) => {
    const body = Buffer.isBuffer(req.body) && req.body.length > 0 ? req.body : undefined;
    const headers: http.OutgoingHttpHeaders = {};
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = name === 'x-request-id' ? res.getHeader('x-request-id') : req.header(name);
      if (value !== undefined) headers[name] = String(value);
    }
    if (body) {
      // As sent (application/json, perhaps with a charset): the service decodes it.
      headers['content-type'] = req.header('content-type');
      headers['content-length'] = body.length;
    }
    const repeatable = req.method === 'GET' || req.method === 'HEAD' || headers['idempotency-key'] !== undefined;
    const send = (firstTry: boolean) => {
      const outgoing = http.request(
        {
          host: upstream.host,
          port: upstream.port,
          path: req.originalUrl,
          method: req.method,
          headers,
          agent,
          timeout: upstream.timeoutMs,
        },
        (answer) => {
          res.status(answer.statusCode ?? 502);
          for (const [name, value] of Object.entries(answer.headers)) {
            if (value !== undefined && !HOP_BY_HOP.has(name) && name !== 'x-request-id') res.setHeader(name, value);
          }
          answer.pipe(res);
          answer.on('end', resolve);
          answer.on('error', reject);
          // A client that hangs up mid-answer leaves the rest nowhere to go: the connection to the
          // service is dropped now, instead of sitting idle until the timeout reports an error.
          res.on('close', () => {
            if (res.writableFinished) return;
            outgoing.destroy();
            resolve();
          });
        },
      );
      outgoing.on('timeout', () => outgoing.destroy(GatewayErrors.upstreamTimeout(upstream.service)));
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        if (res.headersSent) return reject(error);
        // A kept-alive connection that failed as it was reused: most likely the service closed it for
        // idleness and never saw the request. Sent again once on a new connection where repeating
        // it is harmless (a read, or a write under an Idempotency-Key).
        if (firstTry && outgoing.reusedSocket && error.code === 'ECONNRESET' && repeatable) return send(false);
        reject(error.name === 'AppError' ? error : GatewayErrors.serviceUnavailable(upstream.service));
      });
      outgoing.end(body);
    };
    send(true);
  });
}
