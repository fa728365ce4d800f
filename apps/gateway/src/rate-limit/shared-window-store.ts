import type { ClientRateLimitInfo, IncrementResponse, Options, Store } from 'express-rate-limit';
import type { Redis } from 'ioredis';

/** How long a gateway keeps hits before adding them to the shared count, at most. */
export const FLUSH_INTERVAL_MS = 50;

/**
 * Adds a batch of hits to a caller's fixed window, opening a window when none is open; answers the
 * window's total and the milliseconds it has left.
 */
const ADD_HITS = `
local left = redis.call('PTTL', KEYS[1])
if left <= 0 then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return { tonumber(ARGV[1]), tonumber(ARGV[2]) }
end
return { redis.call('INCRBY', KEYS[1], ARGV[1]), left }`;

interface CallerWindow {
  /** The shared total as Redis last answered it (every gateway's hits it had by then). */
  shared: number;
  /** This gateway's hits on their way to Redis, not in `shared` yet. */
  sending: number;
  /** This gateway's hits not sent yet. */
  unsent: number;
  resetAt: number;
}

/**
 * A fixed window per caller shared by every gateway through Redis, without a Redis round trip per
 * request: this gateway counts its own hits at once and adds them to the shared count in one
 * pipeline at most FLUSH_INTERVAL_MS later, learning the total with the answer (a Redis script per
 * request was a seventh of the gateway's CPU and all of Redis's under GET /wallet, measured). One
 * gateway alone counts exactly. With several, a gateway learns of the others' hits when it adds its
 * own, so a caller may pass the limit by what one gateway lets through in one interval before it
 * hears. While Redis is away it throws, and the limiter lets requests through (`passOnStoreError`),
 * as it did with a script per request: it protects capacity, it is not a security boundary.
 */
export class SharedWindowStore implements Store {
  readonly localKeys = false;
  private windowMs = 60_000;
  private readonly windows = new Map<string, CallerWindow>();
  private flushing: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly redis: Redis,
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  increment(key: string): IncrementResponse {
    // No offline queue: while Redis is away, nothing is counted (the hit could never be shared).
    if (this.redis.status !== 'ready') throw new Error(`Redis is ${this.redis.status}`);
    const window = this.current(key);
    window.unsent++;
    this.scheduleFlush();
    return this.infoOf(window);
  }

  decrement(key: string): void {
    const window = this.windows.get(key);
    if (!window) return;
    window.unsent--;
    this.scheduleFlush();
  }

  async resetKey(key: string): Promise<void> {
    this.windows.delete(key);
    await this.redis.del(this.prefix + key);
  }

  /** Sends the hits not sent yet now rather than at the next interval. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.flushing;
    this.flushing = this.send().finally(() => {
      this.flushing = undefined;
    });
    await this.flushing;
  }

  private current(key: string): CallerWindow {
    const now = Date.now();
    const known = this.windows.get(key);
    if (known && known.resetAt > now) return known;
    // A new window, as Redis will open it on the first hit it gets; what is still in flight of the
    // old one belongs to the old one.
    const fresh = { shared: 0, sending: 0, unsent: 0, resetAt: now + this.windowMs };
    this.windows.set(key, fresh);
    return fresh;
  }

  private infoOf(window: CallerWindow): ClientRateLimitInfo {
    return { totalHits: window.shared + window.sending + window.unsent, resetTime: new Date(window.resetAt) };
  }

  private scheduleFlush(): void {
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_INTERVAL_MS).unref();
  }

  private async send(): Promise<void> {
    const batch: Array<[string, CallerWindow, number]> = [];
    const now = Date.now();
    for (const [key, window] of this.windows) {
      if (window.unsent !== 0) {
        batch.push([key, window, window.unsent]);
        window.sending += window.unsent;
        window.unsent = 0;
      } else if (window.sending === 0 && window.resetAt <= now) this.windows.delete(key);
    }
    if (batch.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const [key, , hits] of batch) pipeline.eval(ADD_HITS, 1, this.prefix + key, hits, this.windowMs);
    // A failed pipeline (Redis went away) loses these hits, as a failed count lets a request through.
    const answers = await pipeline.exec().catch(() => null);
    const answeredAt = Date.now();
    batch.forEach(([key, window, hits], i) => {
      window.sending -= hits;
      const [error, answer] = answers?.[i] ?? [new Error('no answer')];
      if (error || this.windows.get(key) !== window) return;
      const [total, left] = answer as [number, number];
      window.shared = total;
      window.resetAt = answeredAt + left;
    });
  }
}
