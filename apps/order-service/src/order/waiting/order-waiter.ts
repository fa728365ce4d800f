import { Client } from 'pg';
import type { Logger } from 'pino';
import { ORDER_CHANGED_CHANNEL } from '../order-events';

/** Resolves when an order may have left PENDING (a wake-up, not a promise that it did). */
export interface OrderWaiter {
  waitForChange(orderId: string, timeoutMs: number): Promise<void>;
}

/**
 * `Prefer: wait` via LISTEN/NOTIFY rather than polling: the transaction that settles an order
 * notifies `order_changed` with its id, so a waiting request answers within a millisecond or so of
 * the commit, on whichever instance it waits, and idle waiters cost no queries. One connection per
 * instance serves every waiter. Callers re-read the order after each wake-up and also poll every
 * `fallbackPollMs`, so a lost listener connection only makes answers slower, never wrong.
 */
export class PgOrderWaiter implements OrderWaiter {
  private readonly waiters = new Map<string, Set<() => void>>();
  private client: Client | undefined;
  private stopped = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly logger: Logger,
    readonly fallbackPollMs = 500,
  ) {}

  async start(): Promise<void> {
    const client = new Client({ connectionString: this.databaseUrl });
    client.on('notification', (message) => this.wake(message.payload ?? ''));
    client.on('error', (error) => {
      this.logger.warn({ err: error }, 'order waiter lost its LISTEN connection; reconnecting');
      this.client = undefined;
      if (!this.stopped) setTimeout(() => void this.start().catch(() => undefined), 1000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${ORDER_CHANGED_CHANNEL}`);
    this.client = client;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const ids of this.waiters.values()) for (const wake of ids) wake();
    await this.client?.end().catch(() => undefined);
  }

  waitForChange(orderId: string, timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        const set = this.waiters.get(orderId);
        set?.delete(done);
        if (set?.size === 0) this.waiters.delete(orderId);
        resolve();
      };
      const timer = setTimeout(done, Math.min(timeoutMs, this.fallbackPollMs));
      const set = this.waiters.get(orderId) ?? new Set();
      set.add(done);
      this.waiters.set(orderId, set);
    });
  }

  private wake(orderId: string): void {
    for (const wake of [...(this.waiters.get(orderId) ?? [])]) wake();
  }
}
