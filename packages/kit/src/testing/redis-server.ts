import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { Redis } from 'ioredis';
import { eventually } from './test-kafka';

/**
 * A private, throw-away redis-server for tests that stop Redis: the shared one on 6379 stays up
 * for everyone else. No persistence, so each start is a new, empty Redis (as after a crash).
 */
export class PrivateRedis {
  readonly port = 20_000 + Math.floor(Math.random() * 10_000);
  readonly url = `redis://127.0.0.1:${this.port}`;
  private server: ChildProcess | undefined;

  async start(): Promise<void> {
    this.server = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    const probe = new Redis(this.port, '127.0.0.1', { retryStrategy: () => 50 });
    probe.on('error', () => undefined);
    try {
      await eventually(
        'the private Redis answering',
        () => probe.ping().catch(() => 'down'),
        (r) => r === 'PONG',
        {
          timeoutMs: 10_000,
          intervalMs: 20,
        },
      );
    } finally {
      probe.disconnect();
    }
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server || server.exitCode !== null) return;
    server.kill('SIGTERM');
    await once(server, 'exit');
  }
}
