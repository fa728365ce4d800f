import { paymentRefunded } from '@sneakers/contracts';
import { findOrder } from '../../src/order/order.repository';
import { expireDueOrders } from '../../src/order/use-cases/expire-orders/expire-orders.use-case';
import { type Caller, envelope, type OrderApp, PAYMENT_WINDOW_MS, startOrderApp } from '../support/order-app';
import { outboxOf, typesOf } from '../support/outbox';
import { placeThroughApi } from '../support/place';
import { type PlacedOrder, paymentCompletedFor, stockReservedFor } from '../support/saga-events';

describe('Expiry of unpaid orders', () => {
  let app: OrderApp;
  let buyer: Caller;

  beforeAll(async () => {
    app = await startOrderApp();
    buyer = await app.caller('BUYER');
  });
  afterAll(() => app.close());

  const awaitingPayment = async (count: number): Promise<PlacedOrder[]> => {
    const placed: PlacedOrder[] = [];
    for (let i = 0; i < count; i++) {
      const order = await placeThroughApi(app, buyer);
      await app.deliver(stockReservedFor(order));
      placed.push(order);
    }
    return placed;
  };
  const afterDeadline = () => new Date(Date.now() + PAYMENT_WINDOW_MS + 1000);

  it('When the deadline has not passed, then nothing expires', async () => {
    const [order] = await awaitingPayment(1);
    expect(await expireDueOrders(app.runInTransaction, { graceMs: 0, now: new Date() })).toBe(0);
    expect((await app.runInTransaction((tx) => findOrder(tx, order?.id ?? '')))?.status).toBe('AWAITING_PAYMENT');
  });

  it('When the deadline passed but not its grace, then the order waits for a payment still on its way', async () => {
    const [order] = await awaitingPayment(1);
    const statusOf = async () => (await app.runInTransaction((tx) => findOrder(tx, order?.id ?? '')))?.status;

    await expireDueOrders(app.runInTransaction, {
      graceMs: 2_000,
      now: new Date(Date.now() + PAYMENT_WINDOW_MS + 1_000),
    });
    expect(await statusOf()).toBe('AWAITING_PAYMENT');

    await expireDueOrders(app.runInTransaction, {
      graceMs: 2_000,
      now: new Date(Date.now() + PAYMENT_WINDOW_MS + 3_000),
    });
    expect(await statusOf()).toBe('EXPIRED');
  });

  it('When three expiry runners race over due orders, then each order is EXPIRED once with exactly one order.cancelled (EXPIRED)', async () => {
    const orders = await awaitingPayment(30);
    const now = afterDeadline();

    // Small batches make the runners interleave and meet on locked rows.
    const runner = async () => {
      let total = 0;
      for (;;) {
        const expired = await expireDueOrders(app.runInTransaction, { graceMs: 0, now, batchSize: 3 });
        if (expired === 0) return total;
        total += expired;
      }
    };
    const [a, b, c] = await Promise.all([runner(), runner(), runner()]);

    expect(a + b + c).toBeGreaterThanOrEqual(orders.length);
    for (const order of orders) {
      const events = await outboxOf(app.prisma, order.id);
      expect(typesOf(events)).toEqual(['order.placed', 'order.awaiting-payment', 'order.cancelled']);
      expect(events[2]?.payload).toMatchObject({ reason: 'EXPIRED' });
    }
    const statuses = await app.prisma.order.groupBy({
      by: ['status'],
      where: { id: { in: orders.map((o) => o.id) } },
      _count: true,
    });
    expect(statuses).toEqual([{ status: 'EXPIRED', _count: orders.length }]);
  });

  it('When payment.completed arrives after the order expired, then it is never PAID: CANCELLED (EXPIRED_AFTER_PAYMENT) and announced so the money is refunded', async () => {
    const [order] = (await awaitingPayment(1)) as [PlacedOrder];
    await expireDueOrders(app.runInTransaction, { graceMs: 0, now: afterDeadline() });

    const payment = paymentCompletedFor(order, 20_000);
    await app.deliver(payment);
    await app.deliver({ ...payment, eventId: crypto.randomUUID() });

    const stored = await app.runInTransaction((tx) => findOrder(tx, order.id));
    expect(stored).toMatchObject({
      status: 'CANCELLED',
      cancelReason: 'EXPIRED_AFTER_PAYMENT',
      paymentId: payment.payload.paymentId,
    });
    const events = await outboxOf(app.prisma, order.id);
    expect(typesOf(events)).toEqual(['order.placed', 'order.awaiting-payment', 'order.cancelled', 'order.cancelled']);
    expect(events.slice(2).map((e) => e.payload.reason)).toEqual(['EXPIRED', 'EXPIRED_AFTER_PAYMENT']);
  });

  it('When payment and expiry race on many orders, then every order ends PAID or EXPIRED/CANCELLED, never PAID after expiring', async () => {
    const orders = await awaitingPayment(20);
    const now = afterDeadline();

    await Promise.all([
      ...orders.map((order) => app.deliver(paymentCompletedFor(order, 20_000))),
      expireDueOrders(app.runInTransaction, { graceMs: 0, now, batchSize: 5 }),
      expireDueOrders(app.runInTransaction, { graceMs: 0, now, batchSize: 5 }),
    ]);
    await expireDueOrders(app.runInTransaction, { graceMs: 0, now });

    for (const order of orders) {
      const stored = await app.runInTransaction((tx) => findOrder(tx, order.id));
      const events = typesOf(await outboxOf(app.prisma, order.id));
      if (stored?.status === 'PAID') expect(events).toEqual(['order.placed', 'order.awaiting-payment', 'order.paid']);
      else {
        expect(stored).toMatchObject({ status: 'CANCELLED', cancelReason: 'EXPIRED_AFTER_PAYMENT' });
        expect(events).toEqual(['order.placed', 'order.awaiting-payment', 'order.cancelled', 'order.cancelled']);
      }
    }
  });

  it('When a refund arrives for an order cancelled after payment, then the timeline shows it and the state stays', async () => {
    const [order] = (await awaitingPayment(1)) as [PlacedOrder];
    await expireDueOrders(app.runInTransaction, { graceMs: 0, now: afterDeadline() });
    const payment = paymentCompletedFor(order, 20_000);
    await app.deliver(payment);

    await app.deliver(
      envelope(paymentRefunded, payment.payload.paymentId, {
        ...payment.payload,
        reason: 'EXPIRED_AFTER_PAYMENT',
        refundedAt: new Date().toISOString(),
      }),
    );

    const steps = await app.prisma.orderStep.findMany({ where: { orderId: order.id }, orderBy: { id: 'asc' } });
    expect(steps.map((s) => s.step)).toEqual([
      'PLACED',
      'STOCK_RESERVED',
      'AWAITING_PAYMENT',
      'DEADLINE_PASSED',
      'EXPIRED',
      'PAYMENT_COMPLETED',
      'CANCELLED',
      'REFUNDED',
    ]);
    expect(steps.at(-1)?.status).toBe('CANCELLED');
  });
});
