import type { PGlite } from '@electric-sql/pglite';

type Send = (data: Uint8Array) => void;

interface Pending {
  handlerId: number;
  message: Uint8Array;
  onData: Send;
  resolve: (bytes: number) => void;
  reject: (error: Error) => void;
}

// Frontend messages after which a connection's turn may end: a simple Query, an extended-protocol
// Sync, or Terminate. Between Parse and Sync the unnamed statement and portal belong to one
// connection, so nobody else may run in between.
const TURN_ENDS = new Set(['Q', 'S', 'X'].map((c) => c.charCodeAt(0)));
const QUERY = 'Q'.charCodeAt(0);
const NOTIFICATION = 'A'.charCodeAt(0);
const LISTEN = /^\s*(UN)?LISTEN\s+"?([\w.]+)"?/i;

/**
 * PGlite is one backend session. This queue lets several wire connections share it as if each had
 * its own: a connection keeps the session from its first message until it is idle again (no open
 * transaction, no half-sent extended query), so transactions never interleave. PGlite delivers
 * NOTIFY to its single session, i.e. to whichever connection happens to run; they are forwarded to
 * the connections that asked to LISTEN on the channel.
 * It replaces pglite-socket's own QueryQueueManager, which switches connections between the
 * messages of one extended query and so mixes up concurrent parameterized queries.
 */
export class PGliteSessionQueue {
  private readonly queue: Pending[] = [];
  private owner: number | undefined;
  private running = false;
  private readonly listeners = new Map<number, { channels: Set<string>; send: Send }>();

  constructor(private readonly db: PGlite) {}

  /** Where notifications for a connection go once it has issued LISTEN. */
  attach(handlerId: number, send: Send): void {
    this.listeners.set(handlerId, { channels: new Set(), send });
  }

  enqueue(handlerId: number, message: Uint8Array, onData: Send): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.drain();
    });
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const pending = this.queue[i] as Pending;
      if (pending.handlerId !== handlerId) continue;
      this.queue.splice(i, 1);
      pending.reject(new Error('connection closed'));
    }
    this.listeners.delete(handlerId);
  }

  /** A connection that went away mid-transaction must not leave the session in it. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    this.owner = undefined;
    void this.drain();
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let next = this.takeNext(); next; next = this.takeNext()) await this.run(next);
    } finally {
      this.running = false;
    }
  }

  private takeNext(): Pending | undefined {
    const index = this.owner === undefined ? 0 : this.queue.findIndex((p) => p.handlerId === this.owner);
    return index < 0 ? undefined : this.queue.splice(index, 1)[0];
  }

  private async run(pending: Pending): Promise<void> {
    this.owner = pending.handlerId;
    this.trackListen(pending);
    const notifications = new NotificationScanner();
    let bytes = 0;
    try {
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(pending.message, {
          onRawData: (data: Uint8Array) => {
            bytes += data.length;
            notifications.scan(data);
            pending.onData(data);
          },
        }),
      );
    } catch (error) {
      this.owner = undefined;
      pending.reject(error as Error);
      return;
    }
    if (TURN_ENDS.has(pending.message[0] as number) && !this.db.isInTransaction()) this.owner = undefined;
    this.forward(notifications.found, pending.handlerId);
    pending.resolve(bytes);
  }

  private trackListen({ handlerId, message }: Pending): void {
    if (message[0] !== QUERY) return;
    const match = LISTEN.exec(Buffer.from(message.subarray(5)).toString('utf8'));
    const channels = this.listeners.get(handlerId)?.channels;
    if (!match || !channels) return;
    const channel = (match[2] as string).toLowerCase();
    if (match[1]) channels.delete(channel);
    else channels.add(channel);
  }

  private forward(found: Array<{ channel: string; bytes: Uint8Array }>, from: number): void {
    for (const { channel, bytes } of found)
      for (const [handlerId, listener] of this.listeners)
        if (handlerId !== from && listener.channels.has(channel)) listener.send(bytes);
  }
}

/** Picks NotificationResponse messages out of a backend byte stream that may arrive in pieces. */
class NotificationScanner {
  readonly found: Array<{ channel: string; bytes: Uint8Array }> = [];
  private pending = Buffer.alloc(0);

  scan(data: Uint8Array): void {
    this.pending = Buffer.concat([this.pending, data]);
    let offset = 0;
    while (this.pending.length - offset >= 5) {
      const length = this.pending.readInt32BE(offset + 1);
      if (this.pending.length - offset < 1 + length) break;
      if (this.pending[offset] === NOTIFICATION) {
        const bytes = Uint8Array.from(this.pending.subarray(offset, offset + 1 + length));
        const end = this.pending.indexOf(0, offset + 9);
        this.found.push({ channel: this.pending.toString('utf8', offset + 9, end), bytes });
      }
      offset += 1 + length;
    }
    this.pending = this.pending.subarray(offset);
  }
}
