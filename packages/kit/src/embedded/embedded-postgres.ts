import { createServer, type Server, type Socket } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler } from '@electric-sql/pglite-socket';
import { stopNamingStatements } from '../db/pg-sql-executor';
import { PGliteSessionQueue } from './pglite-session-queue';

export interface EmbeddedPostgres {
  /** A postgresql:// URL that pg, Prisma's adapter and the migration engine use unchanged. */
  url: string;
  stop: () => Promise<void>;
}

/**
 * One PostgreSQL database in this process (PGlite: Postgres compiled to WebAssembly), served on a
 * local port so every client of the service connects to it exactly as it would to a real server.
 * `dataDir` keeps it across restarts; without it the database lives in memory.
 */
export async function startEmbeddedPostgres({ dataDir }: { dataDir?: string } = {}): Promise<EmbeddedPostgres> {
  stopNamingStatements(); // every connection here shares PGlite's one session
  const db = await PGlite.create(dataDir ? { dataDir } : {});
  const queue = new PGliteSessionQueue(db);
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const handler = new PGLiteSocketHandler({
      // Structurally the queue pglite-socket expects; its declared class has private fields.
      queryQueue: queue as unknown as ConstructorParameters<typeof PGLiteSocketHandler>[0]['queryQueue'],
      closeOnDetach: true,
    });
    queue.attach(handler.handlerId, (bytes) => {
      if (socket.writable) socket.write(bytes);
    });
    void handler.attach(socket);
  });
  const port = await listen(server);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
}
