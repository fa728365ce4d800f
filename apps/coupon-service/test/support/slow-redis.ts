import net from 'node:net';
import { testEnv } from '@sneakers/kit/testing';

/**
 * A TCP proxy in front of the test Redis whose answers can be held back, as those of a Redis busy
 * with a crowd are: commands reach Redis at once and run, only their answers come late.
 */
export async function slowRedis() {
  const target = new URL(testEnv.redisUrl);
  let delayMs = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 6379), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream);
    // Answers keep their order (Redis's protocol matches them to commands by position).
    let lastRelease = 0;
    upstream.on('data', (chunk) => {
      lastRelease = Math.max(Date.now() + delayMs, lastRelease);
      const wait = lastRelease - Date.now();
      if (wait <= 0) client.write(chunk);
      else setTimeout(() => client.write(chunk), wait);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `redis://127.0.0.1:${port}${target.pathname}`,
    /** Holds every answer this long from now on (0: passes them at once again). */
    delayAnswers(ms: number) {
      delayMs = ms;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
