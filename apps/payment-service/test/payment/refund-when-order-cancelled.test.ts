import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ledgerDisagreements, ledgerState } from '../support/ledger';
import { anOrder, awaitingPayment, cancelled, deliver, payableOrder, type TestOrder } from '../support/order-events';
import { type Caller, type PaymentApp, startPaymentApp } from '../support/payment-app';
import { moneyTrail, paymentEventsOf } from '../support/payments';

describe('Refunding a payment whose order was cancelled', () => {
  let app: PaymentApp;

  beforeAll(async () => {
    app = await startPaymentApp({ WALLET_MAX_CHARGE: '100000', WALLET_BALANCE_CAP: '100000' });
  });
  afterAll(() => app.close());

  const charge = (buyer: Caller, amount: number) =>
    request(app.server).post('/wallet/charges').set('Authorization', buyer.authorization).send({ amount });
  const pay = (buyer: Caller, orderId: string) =>
    request(app.server)
      .post(`/orders/${orderId}/payment`)
      .set('Authorization', buyer.authorization)
      .set('Idempotency-Key', randomUUID());

  /** A buyer with `balance` who paid an order of `amount`. */
  async function paidOrder(
    balance: number,
    amount: number,
  ): Promise<{ buyer: Caller; order: TestOrder; paymentId: string }> {
    const buyer = await app.caller('BUYER');
    await charge(buyer, balance);
    const order = anOrder(buyer.userId, amount);
    await deliver(app, awaitingPayment(order));
    const payment = await pay(buyer, order.orderId);
    expect(payment.status).toBe(201);
    return { buyer, order, paymentId: payment.body.id };
  }

  it('When the order expires after the money moved, then the payment is refunded with EXPIRED_AFTER_PAYMENT in the same step', async () => {
    const { buyer, order, paymentId } = await paidOrder(50_000, 30_000);

    await deliver(app, cancelled(order, 'EXPIRED'));

    expect(await ledgerState(app.prisma, buyer.userId)).toEqual({ balance: 50_000, entries: 3 });
    const refund = await app.prisma.walletTransaction.findFirst({ where: { userId: buyer.userId, type: 'REFUND' } });
    expect(refund).toMatchObject({ amount: 30_000, balanceAfter: 50_000 });
    expect(await app.prisma.payment.findUnique({ where: { id: paymentId } })).toMatchObject({
      status: 'REFUNDED',
      refundReason: 'EXPIRED_AFTER_PAYMENT',
      refundedAt: expect.any(Date),
    });
    expect(await payableOrder(app, order.orderId)).toMatchObject({ status: 'CANCELLED', cancelReason: 'EXPIRED' });
    const events = await paymentEventsOf(app.prisma, order.orderId);
    expect(events.map((e) => e.type)).toEqual(['payment.completed', 'payment.refunded']);
    expect(events[1]).toEqual({
      type: 'payment.refunded',
      aggregateId: paymentId,
      payload: {
        paymentId,
        orderId: order.orderId,
        buyerId: buyer.userId,
        amount: 30_000,
        reason: 'EXPIRED_AFTER_PAYMENT',
        refundedAt: expect.any(String),
      },
    });
    expect(await ledgerDisagreements(app.prisma, buyer.userId)).toEqual([]);
  });

  it('When the cancel is delivered twice, and another cancel follows, then the money is refunded exactly once', async () => {
    const { buyer, order } = await paidOrder(50_000, 30_000);
    const cancel = cancelled(order, 'EXPIRED');

    await deliver(app, cancel, cancel, cancelled(order, 'CANCELLED_BY_BUYER'));

    expect(await moneyTrail(app.prisma, buyer.userId, order.orderId)).toMatchObject({
      balance: 50_000,
      entries: 3,
      payments: 1,
      events: 2,
    });
  });

  it.each([
    ['OUT_OF_STOCK', 'ORDER_CANCELLED'],
    ['COUPON_REJECTED', 'ORDER_CANCELLED'],
    ['CANCELLED_BY_BUYER', 'CANCELLED_BY_BUYER'],
    ['EXPIRED_AFTER_PAYMENT', 'EXPIRED_AFTER_PAYMENT'],
  ] as const)('When a paid order is cancelled with %s, then the refund says %s', async (cancelReason, refundReason) => {
    const { order } = await paidOrder(10_000, 1_000);

    await deliver(app, cancelled(order, cancelReason));

    const events = await paymentEventsOf(app.prisma, order.orderId);
    expect(events[1]?.payload).toMatchObject({ reason: refundReason });
  });

  it('When an unpaid order is cancelled, then no money moves and no refund is announced', async () => {
    const buyer = await app.caller('BUYER');
    await charge(buyer, 10_000);
    const order = anOrder(buyer.userId, 5_000);

    await deliver(app, awaitingPayment(order), cancelled(order));

    expect(await moneyTrail(app.prisma, buyer.userId, order.orderId)).toMatchObject({
      balance: 10_000,
      entries: 1,
      payments: 0,
      events: 0,
    });
  });

  it('When the refunded order is paid again, then 409 PAYMENT.ORDER_CANCELLED and no money moves', async () => {
    const { buyer, order } = await paidOrder(50_000, 30_000);
    await deliver(app, cancelled(order, 'EXPIRED'));
    const before = await moneyTrail(app.prisma, buyer.userId, order.orderId);

    const response = await pay(buyer, order.orderId);

    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'PAYMENT.ORDER_CANCELLED', orderStatus: 'EXPIRED' });
    expect(await moneyTrail(app.prisma, buyer.userId, order.orderId)).toEqual(before);
  });

  it('When the refund would take the balance past the cap, then it is refunded all the same', async () => {
    const { buyer, order } = await paidOrder(100_000, 60_000);
    expect((await charge(buyer, 60_000)).status).toBe(201);

    await deliver(app, cancelled(order, 'EXPIRED'));

    expect(await ledgerState(app.prisma, buyer.userId)).toEqual({ balance: 160_000, entries: 4 });
    expect(await ledgerDisagreements(app.prisma, buyer.userId)).toEqual([]);
  });

  it('When 30 payments race 30 expiries, then every order is either unpaid or refunded and the buyer has all their money', async () => {
    const buyer = await app.caller('BUYER');
    await charge(buyer, 90_000);
    const orders = Array.from({ length: 30 }, () => anOrder(buyer.userId, 3_000));
    await deliver(app, ...orders.map(awaitingPayment));

    const payments = await Promise.all(
      orders.flatMap((order) => [pay(buyer, order.orderId), deliver(app, cancelled(order, 'EXPIRED'))]),
    );

    const statuses = payments.flatMap((r) => (r ? [r.status] : []));
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const paymentRows = await app.prisma.payment.findMany({ where: { buyerId: buyer.userId } });
    expect(paymentRows.every((p) => p.status === 'REFUNDED')).toBe(true);
    expect(paymentRows).toHaveLength(statuses.filter((s) => s === 201).length);
    const refunds = await app.prisma.walletTransaction.count({ where: { userId: buyer.userId, type: 'REFUND' } });
    expect(refunds).toBe(paymentRows.length);
    expect((await ledgerState(app.prisma, buyer.userId)).balance).toBe(90_000);
    expect(await ledgerDisagreements(app.prisma, buyer.userId)).toEqual([]);
  });
});
