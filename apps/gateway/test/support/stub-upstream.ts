import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createLogger, jsonBody, problemMiddleware } from '@sneakers/kit';
import express from 'express';

/**
 * A service stand-in that echoes what reached it, so tests see exactly what the gateway forwarded.
 * It reads bodies as every service does (the gateway passes them on unread).
 */
export class StubUpstream {
  private server: Server | undefined;
  port = 0;
  /** Connections that already served a request (kept alive). */
  private readonly used = new WeakSet<Socket>();
  private dropReused = 0;
  /** Requests that arrived and were dropped (see `dropNextOnReusedConnection`). */
  dropped = 0;

  /**
   * The next request that arrives on a kept-alive connection is dropped with its connection,
   * unanswered: what a client sees when a service closes an idle connection as it is reused.
   */
  dropNextOnReusedConnection(): void {
    this.dropReused++;
  }

  async start(port = 0): Promise<string> {
    const app = express();
    app.use((req, _res, next) => {
      if (this.dropReused > 0 && this.used.has(req.socket)) {
        this.dropReused--;
        this.dropped++;
        req.socket.destroy();
        return;
      }
      this.used.add(req.socket);
      next();
    });
    app.use(jsonBody({ limit: '64kb' }));
    app.get('/slow', async (_req, res) => {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      res.json({ slow: true });
    });
    app.all('/{*rest}', (req, res) => {
      res.status(req.method === 'POST' ? 201 : 200).json({
        method: req.method,
        url: req.originalUrl,
        body: req.body ?? null,
        headers: {
          authorization: req.header('authorization') ?? null,
          idempotencyKey: req.header('idempotency-key') ?? null,
          requestId: req.header('x-request-id') ?? null,
          cookie: req.header('cookie') ?? null,
        },
      });
    });
    app.use(problemMiddleware(createLogger('stub-upstream', 'silent')));
    this.server = await new Promise<Server>((resolve) => {
      const s = app.listen(port, '127.0.0.1', () => resolve(s));
    });
    this.port = (this.server.address() as AddressInfo).port;
    return `http://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
