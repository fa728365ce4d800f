import { randomUUID } from 'node:crypto';

export class ShopApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: unknown,
    what: string,
  ) {
    super(`${what}: ${status} ${JSON.stringify(problem)}`);
  }
}

// The demo reads responses field by field, as a client would; the gateway clients' contract files
// (apps/gateway/contracts) state and verify the fields it relies on.
// biome-ignore lint/suspicious/noExplicitAny: JSON as read by a client script
type Json = { [field: string]: any };

/** The public API as a shop's client sees it: JSON through the gateway, a bearer token once signed in. */
export class ShopClient {
  constructor(
    readonly baseUrl: string,
    private readonly token?: string,
  ) {}

  as(token: string): ShopClient {
    return new ShopClient(this.baseUrl, token);
  }

  async signIn(email: string, password: string): Promise<ShopClient> {
    const { accessToken } = await this.post('/auth/login', { email, password });
    return this.as(accessToken);
  }

  get(path: string, headers: Record<string, string> = {}): Promise<Json> {
    return this.call('GET', path, undefined, headers);
  }

  /** Every POST carries a fresh Idempotency-Key, as a careful client's retries would reuse. */
  post(path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Json> {
    return this.call('POST', path, body, { 'idempotency-key': randomUUID(), ...headers });
  }

  put(path: string, body: unknown): Promise<Json> {
    return this.call('PUT', path, body);
  }

  private async call(method: string, path: string, body: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed = text ? JSON.parse(text) : {};
    if (!response.ok) throw new ShopApiError(response.status, parsed, `${method} ${path}`);
    return parsed;
  }
}

/** Polls an order (each read waits server-side for a change) until it leaves PENDING. */
export async function settledOrder(buyer: ShopClient, orderId: string, timeoutMs = 60_000): Promise<Json> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const order = await buyer.get(`/orders/${orderId}`, { prefer: 'wait=5' });
    if (order.status !== 'PENDING') return order;
    if (Date.now() > deadline) throw new Error(`order ${orderId} still PENDING after ${timeoutMs} ms`);
  }
}

/** Polls until `read` gives something `done` accepts. */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
