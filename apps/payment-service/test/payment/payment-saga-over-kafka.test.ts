import { randomUUID } from 'node:crypto';
import { envelopeMessage, type ReactionHarness, startReactionHarness } from '@sneakers/kit/testing';
import type { Message } from 'kafkajs';
import request from 'supertest';
import { reactions } from '../../src/reactions';
import { ledgerDisagreements } from '../support/ledger';
import { anOrder, awaitingPayment, cancelled } from '../support/order-events';
import { type Caller, logger, type PaymentApp, startPaymentApp } from '../support/payment-app';
import { moneyTrail, paymentEventsOf } from '../support/payments';

describe('The payment side of the checkout saga (real Kafka)', () => {
  let app: PaymentApp;
  let harness: ReactionHarness;

  beforeAll(async () => {
    app = await startPaymentApp();
    harness = await startReactionHarness({ reactions, runInTransaction: app.runInTransaction, logger });
  });

  afterAll(async () => {
    await harness.stop();
    await app.close();
  });

  const publish = (...messages: Message[]) => harness.deliver(...messages);
  const pay = (buyer: Caller, orderId: string) =>
    request(app.server)
      .post(`/orders/${orderId}/payment`)
      .set('Authorization', buyer.authorization)
      .set('Idempotency-Key', randomUUID());

  it('When the expiry of a paid order is delivered twice, then the buyer is refunded exactly once', async () => {
    const buyer = await app.caller('BUYER');
    await request(app.server)
      .post('/wallet/charges')
      .set('Authorization', buyer.authorization)
      .send({ amount: 40_000 });
    const order = anOrder(buyer.userId, 25_000);
    await publish(envelopeMessage(awaitingPayment(order)));
    expect((await pay(buyer, order.orderId)).status).toBe(201);

    const expiry = envelopeMessage(cancelled(order, 'EXPIRED'));
    await publish(expiry, expiry);

    expect(await moneyTrail(app.prisma, buyer.userId, order.orderId)).toMatchObject({
      balance: 40_000,
      entries: 3,
      payments: 1,
      events: 2,
    });
    const events = await paymentEventsOf(app.prisma, order.orderId);
    expect(events.map((e) => [e.type, (e.payload as { reason?: string }).reason])).toEqual([
      ['payment.completed', undefined],
      ['payment.refunded', 'EXPIRED_AFTER_PAYMENT'],
    ]);
    expect(await ledgerDisagreements(app.prisma, buyer.userId)).toEqual([]);
  });

  it('When order.cancelled arrives before order.awaiting-payment, then the order cannot be paid', async () => {
    const buyer = await app.caller('BUYER');
    await request(app.server)
      .post('/wallet/charges')
      .set('Authorization', buyer.authorization)
      .send({ amount: 40_000 });
    const order = anOrder(buyer.userId, 25_000);

    await publish(envelopeMessage(cancelled(order, 'OUT_OF_STOCK')), envelopeMessage(awaitingPayment(order)));
    const response = await pay(buyer, order.orderId);

    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'PAYMENT.ORDER_CANCELLED', reason: 'OUT_OF_STOCK' });
    expect(await moneyTrail(app.prisma, buyer.userId, order.orderId)).toMatchObject({
      balance: 40_000,
      payments: 0,
      events: 0,
    });
  });
});
