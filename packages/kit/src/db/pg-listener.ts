import { Client, type ClientConfig } from 'pg';
import type { Logger } from 'pino';
import { backoffDelay } from '../timing';

export interface PgListenerOptions {
  /** Where to connect. The connection is dedicated, outside any pool: it never takes a pooled slot. */
  connection: ClientConfig;
  channel: string;
  logger: Logger;
  onNotification: (payload: string) => void;
  /** The connection was lost, or is back: a notification may have been missed in between. */
  onGap: () => void;
}

/**
 * One LISTEN connection that comes back by itself. A dropped connection reports more than one
 * 'error' (the server's FATAL, then the socket's end), so only the first error of the current
 * client counts: that client is ended and ONE reconnect is scheduled, with back-off while the
 * server stays away. Reconnecting on every error instead grew the connections 2 → 3 → 5 → 9 → 17
 * per round of pg_terminate_backend until PostgreSQL refused everyone.
 */
export class PgListener {
  private client: Client | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  private stopped = false;

  constructor(private readonly options: PgListenerOptions) {}

  /** True while notifications arrive; otherwise callers fall back to polling. */
  get listening(): boolean {
    return this.client !== undefined;
  }

  /** The first connection; failing here fails the caller's start-up. */
  start(): Promise<void> {
    return this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client(this.options.connection);
    client.on('error', (error) => this.lost(client, error));
    client.on('notification', (message) => this.options.onNotification(message.payload ?? ''));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.options.channel}`);
    } catch (error) {
      void client.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    if (this.failures > 0) this.options.logger.info({ channel: this.options.channel }, 'LISTEN connection back');
    this.client = client;
    this.failures = 0;
    this.options.onGap();
  }

  private lost(client: Client, error: Error): void {
    if (client !== this.client) return; // a later report of a loss already handled, or a failed connect
    this.client = undefined;
    void client.end().catch(() => undefined);
    this.options.logger.warn(
      { err: error, channel: this.options.channel },
      'LISTEN connection lost; polling until it is back',
    );
    this.options.onGap();
    this.reconnectLater();
  }

  private reconnectLater(): void {
    if (this.stopped || this.reconnectTimer) return;
    this.failures += 1;
    this.reconnectTimer = setTimeout(
      () => {
        this.reconnectTimer = undefined;
        this.connect().catch((error) => {
          this.options.logger.warn({ err: error, channel: this.options.channel }, 'LISTEN reconnect failed');
          this.reconnectLater();
        });
      },
      backoffDelay(this.failures, { baseMs: 100, maxMs: 5000 }),
    );
    this.reconnectTimer.unref();
  }
}
