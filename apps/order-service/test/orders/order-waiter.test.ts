import { randomUUID } from 'node:crypto';
import { PgChangeWaiter } from '@sneakers/kit';
import { Client } from 'pg';
import { ORDER_CHANGED_CHANNEL } from '../../src/order/order-events';
import { logger, type OrderApp, startOrderApp } from '../support/order-app';

describe('The Prefer: wait wake-up (LISTEN/NOTIFY)', () => {
  let app: OrderApp;
  beforeAll(async () => {
    app = await startOrderApp();
  });
  afterAll(() => app.close());

  it('When a transaction notifies an order id, then a waiter on another connection wakes within milliseconds, not at its poll', async () => {
    const waiter = new PgChangeWaiter(app.databaseUrl, ORDER_CHANGED_CHANNEL, logger, 60_000);
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

  it('When nothing is notified, then a waiter waits its whole time without polling while its connection is up', async () => {
    const waiter = new PgChangeWaiter(app.databaseUrl, ORDER_CHANGED_CHANNEL, logger, 50);
    await waiter.start();
    try {
      const started = Date.now();
      await waiter.waitForChange(randomUUID(), 600);
      expect(Date.now() - started).toBeGreaterThanOrEqual(550);
    } finally {
      await waiter.stop();
    }
  });

  it('When the LISTEN connection is lost, then waiters wake at once, poll while it is down, and rely on notifications again once it is back', async () => {
    const waiter = new PgChangeWaiter(app.databaseUrl, ORDER_CHANGED_CHANNEL, logger, 100);
    await waiter.start();
    const admin = new Client({ connectionString: app.databaseUrl });
    await admin.connect();
    try {
      const waiting = waiter.waitForChange(randomUUID(), 30_000);
      const lostAt = Date.now();
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'`,
      );
      await waiting;
      expect(Date.now() - lostAt).toBeLessThan(1_000);

      const duringOutage = Date.now();
      await waiter.waitForChange(randomUUID(), 30_000);
      expect(Date.now() - duringOutage).toBeLessThan(500);

      const listening = () =>
        admin.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'`);
      const deadline = Date.now() + 10_000;
      while ((await listening()).rowCount === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      const orderId = randomUUID();
      const afterReconnect = Date.now();
      const woke = waiter.waitForChange(orderId, 30_000);
      await admin.query('SELECT pg_notify($1, $2)', [ORDER_CHANGED_CHANNEL, orderId]);
      await woke;
      expect(Date.now() - afterReconnect).toBeLessThan(500);
    } finally {
      await admin.end();
      await waiter.stop();
    }
  });
});
