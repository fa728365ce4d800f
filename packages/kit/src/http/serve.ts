import type { Server } from 'node:http';
import type { Express } from 'express';
import type { Logger } from 'pino';
import { answerUnparsableRequests } from './client-errors';

/** Something that must finish its work before the process exits (relay, consumer, pools). */
export interface Stoppable {
  name: string;
  stop: () => Promise<void>;
}

export interface RunningServer {
  server: Server;
  port: number;
  /** Its logger: a launcher running several servers in one process may change its level. */
  logger: Logger;
  shutdown: (reason: string) => Promise<void>;
}

/**
 * Listens, and on SIGTERM/SIGINT stops accepting requests first, then drains the rest in the
 * given order (consumers before the relay, pools last), so nothing in flight is cut off.
 */
export async function serve(
  app: Express,
  {
    port,
    host,
    logger,
    drain,
    handleSignals = true,
  }: {
    port: number;
    /** The interface to listen on; every interface when absent (what the gateway, the way in, wants). */
    host?: string;
    logger: Logger;
    drain: Stoppable[];
    handleSignals?: boolean;
  },
): Promise<RunningServer> {
  const server = await new Promise<Server>((resolve) => {
    const s = host === undefined ? app.listen(port, () => resolve(s)) : app.listen(port, host, () => resolve(s));
  });
  answerUnparsableRequests(server);
  const address = server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  let stopping: Promise<void> | undefined;
  const shutdown = (reason: string) => {
    stopping ??= (async () => {
      logger.info({ reason }, 'shutting down');
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const part of drain) {
        try {
          await part.stop();
          logger.info({ part: part.name }, 'stopped');
        } catch (error) {
          logger.error({ err: error, part: part.name }, 'failed to stop cleanly');
        }
      }
    })();
    return stopping;
  };
  if (handleSignals)
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => void shutdown(signal).then(() => process.exit(0)));
    }
  logger.info({ port: boundPort, host: host ?? '*' }, 'listening');
  return { server, port: boundPort, logger, shutdown };
}
