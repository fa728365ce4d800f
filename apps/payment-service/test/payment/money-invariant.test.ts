import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ledgerDisagreements } from '../support/ledger';
import { anOrder, awaitingPayment, cancelled, deliver } from '../support/order-events';
import { type PaymentApp, startPaymentApp } from '../support/payment-app';

describe('The money invariant with payments and refunds', () => {
  let app: PaymentApp;

  beforeAll(async () => {
    app = await startPaymentApp();
  });
  afterAll(() => app.close());

  it('When charges, 40 concurrent payments a balance only partly covers and cancels interleave, then balance = charges − payments + refunds = the ledger', async () => {
    const buyer = await app.caller('BUYER');
    const charge = (amount: number) =>
      request(app.server).post('/wallet/charges').set('Authorization', buyer.authorization).send({ amount });
    for (const amount of [30_000, 20_000, 7_000]) expect((await charge(amount)).status).toBe(201);
    const orders = Array.from({ length: 40 }, (_, i) => anOrder(buyer.userId, 1_000 + (i % 4) * 1_000));
    await deliver(app, ...orders.map(awaitingPayment));

    // Pay all 40 at once (they cost 100,000 against 57,000), while every fourth order is cancelled.
    const responses = await Promise.all(
      orders.map((order, i) =>
        Promise.all([
          request(app.server)
            .post(`/orders/${order.orderId}/payment`)
            .set('Authorization', buyer.authorization)
            .set('Idempotency-Key', randomUUID()),
          i % 4 === 0 ? deliver(app, cancelled(order, 'EXPIRED')) : undefined,
        ]).then(([response]) => response),
      ),
    );

    const statuses = new Set(responses.map((r) => `${r.status} ${r.body.code ?? ''}`.trim()));
    expect(
      [...statuses].every((s) =>
        ['201', '409 PAYMENT.INSUFFICIENT_BALANCE', '409 PAYMENT.ORDER_CANCELLED'].includes(s),
      ),
    ).toBe(true);
    const payments = await app.prisma.payment.findMany({ where: { buyerId: buyer.userId } });
    const paid = payments.reduce((sum, p) => sum + p.amount, 0);
    const refunded = payments.filter((p) => p.status === 'REFUNDED').reduce((sum, p) => sum + p.amount, 0);
    expect(payments).toHaveLength(responses.filter((r) => r.status === 201).length);
    expect(paid).toBeGreaterThan(0);
    const sums = await app.prisma.walletTransaction.groupBy({
      by: ['type'],
      where: { userId: buyer.userId },
      _sum: { amount: true },
    });
    const ledger = Object.fromEntries(sums.map((s) => [s.type, s._sum.amount ?? 0]));
    const wallet = await request(app.server).get('/wallet').set('Authorization', buyer.authorization);

    expect(ledger).toEqual({ CHARGE: 57_000, PAYMENT: paid, ...(refunded > 0 ? { REFUND: refunded } : {}) });
    expect(wallet.body.balance).toBe(57_000 - paid + refunded);
    expect(wallet.body.balance).toBeGreaterThanOrEqual(0);
    expect(await ledgerDisagreements(app.prisma, buyer.userId)).toEqual([]);
    // Every cancelled order that had been paid is refunded; no order is charged and cancelled.
    const cancelledIds = orders.filter((_, i) => i % 4 === 0).map((o) => o.orderId);
    expect(payments.filter((p) => cancelledIds.includes(p.orderId) && p.status !== 'REFUNDED')).toEqual([]);
  });
});
