import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ORDER_CHANGED_CHANNEL } from '../../src/order/order-events';
import { PgOrderWaiter } from '../../src/order/waiting/order-waiter';
import { logger, type OrderApp, startOrderApp } from '../support/order-app';

describe('The Prefer: wait wake-up (LISTEN/NOTIFY)', () => {
  let app: OrderApp;
  beforeAll(async () => {
    app = await startOrderApp();
  });
  afterAll(() => app.close());

  it('When a transaction notifies an order id, then a waiter on another connection wakes within milliseconds, not at its poll', async () => {
    const waiter = new PgOrderWaiter(app.databaseUrl, logger, 60_000);
    await waiter.start();
    const notifier = new Client({ connectionString: app.databaseUrl });
    await notifier.connect();
    try {
      const orderId = randomUUID();
      const started = Date.now();
      const woke = waiter.waitForChange(orderId, 10_000);
      await notifier.query('SELECT pg_notify($1, $2)', [ORDER_CHANGED_CHANNEL, randomUUID()]);
      await notifier.query('SELECT pg_notify($1, $2)', [ORDER_CHANGED_CHANNEL, orderId]);
      await woke;
      expect(Date.now() - started).toBeLessThan(500);
    } finally {
      await notifier.end();
      await waiter.stop();
    }
  });
});
