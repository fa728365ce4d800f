import { randomUUID } from 'node:crypto';
import { anOrder, awaitingPayment, cancelled, deliver, paid, payableOrder } from '../support/order-events';
import { type PaymentApp, startPaymentApp } from '../support/payment-app';

describe('The read model of payable orders', () => {
  let app: PaymentApp;

  beforeAll(async () => {
    app = await startPaymentApp();
  });
  afterAll(() => app.close());

  it('When order.awaiting-payment arrives, then the order is PAYABLE for its amount and deadline', async () => {
    const order = anOrder(randomUUID(), 12_000);

    await deliver(app, awaitingPayment(order));

    const row = await app.prisma.payableOrder.findUnique({ where: { orderId: order.orderId } });
    expect(row).toMatchObject({
      buyerId: order.buyerId,
      amount: 12_000,
      paymentDeadline: order.paymentDeadline,
      status: 'PAYABLE',
      cancelReason: null,
    });
  });

  it('When order.cancelled follows, then the order is CANCELLED with the reason', async () => {
    const order = anOrder(randomUUID(), 12_000);

    await deliver(app, awaitingPayment(order), cancelled(order, 'EXPIRED'));

    expect(await payableOrder(app, order.orderId)).toMatchObject({ status: 'CANCELLED', cancelReason: 'EXPIRED' });
  });

  it('When order.paid follows, then the order is PAID', async () => {
    const order = anOrder(randomUUID(), 12_000);

    await deliver(app, awaitingPayment(order), paid(order));

    expect(await payableOrder(app, order.orderId)).toMatchObject({ status: 'PAID' });
  });

  it('When order.cancelled arrives before order.awaiting-payment, then the order stays CANCELLED (and learns its amount)', async () => {
    const order = anOrder(randomUUID(), 12_000);

    await deliver(app, cancelled(order, 'CANCELLED_BY_BUYER'), awaitingPayment(order));

    expect(await payableOrder(app, order.orderId)).toEqual({
      status: 'CANCELLED',
      cancelReason: 'CANCELLED_BY_BUYER',
      amount: 12_000,
      buyerId: order.buyerId,
    });
  });

  it('When order.awaiting-payment arrives again after order.paid, then the order stays PAID', async () => {
    const order = anOrder(randomUUID(), 12_000);

    await deliver(app, awaitingPayment(order), paid(order), awaitingPayment(order));

    expect(await payableOrder(app, order.orderId)).toMatchObject({ status: 'PAID' });
  });

  it('When order.paid arrives after order.cancelled, then the order stays CANCELLED', async () => {
    const order = anOrder(randomUUID(), 12_000);

    await deliver(app, cancelled(order), paid(order));

    expect(await payableOrder(app, order.orderId)).toMatchObject({ status: 'CANCELLED', cancelReason: 'EXPIRED' });
  });

  it('When the same events are delivered twice, then the state is the one of a single delivery', async () => {
    const order = anOrder(randomUUID(), 12_000);
    const events = [awaitingPayment(order), cancelled(order, 'OUT_OF_STOCK')];

    await deliver(app, ...events, ...events);

    expect(await payableOrder(app, order.orderId)).toMatchObject({ status: 'CANCELLED', cancelReason: 'OUT_OF_STOCK' });
    expect(await app.prisma.payableOrder.count({ where: { orderId: order.orderId } })).toBe(1);
  });

  it('When a second cancel with another reason arrives, then the first reason is kept', async () => {
    const order = anOrder(randomUUID(), 12_000);

    await deliver(app, awaitingPayment(order), cancelled(order, 'EXPIRED'), cancelled(order, 'CANCELLED_BY_BUYER'));

    expect(await payableOrder(app, order.orderId)).toMatchObject({ status: 'CANCELLED', cancelReason: 'EXPIRED' });
  });
});
