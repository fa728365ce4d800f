import { randomUUID } from 'node:crypto';
import {
  findContractBreaks,
  loadConsumerContracts,
  type ProducedSamples,
  paymentCompleted,
  paymentRefunded,
} from '@sneakers/contracts';
import request from 'supertest';
import { anOrder, awaitingPayment, cancelled, deliver } from '../support/order-events';
import { type PaymentApp, startPaymentApp } from '../support/payment-app';

describe("payment-service against its consumers' contracts", () => {
  let app: PaymentApp;
  let produced: ProducedSamples;

  // A buyer tops up and pays an order that then expires: the payment completes and is refunded.
  beforeAll(async () => {
    app = await startPaymentApp();
    const buyer = await app.caller('BUYER');
    const charge = await request(app.server)
      .post('/wallet/charges')
      .set('Authorization', buyer.authorization)
      .send({ amount: 50_000 });
    const order = anOrder(buyer.userId, 30_000);
    await deliver(app, awaitingPayment(order));
    const payment = await request(app.server)
      .post(`/orders/${order.orderId}/payment`)
      .set('Authorization', buyer.authorization)
      .set('Idempotency-Key', randomUUID())
      .expect(201);
    await deliver(app, cancelled(order, 'EXPIRED'));
    const wallet = await request(app.server).get('/wallet').set('Authorization', buyer.authorization);
    produced = {
      events: await app.prisma.outboxEvent.findMany(),
      responses: [
        { route: 'POST /wallet/charges', status: charge.status, body: charge.body },
        { route: 'GET /wallet', status: wallet.status, body: wallet.body },
        { route: 'POST /orders/{orderId}/payment', status: payment.status, body: payment.body },
      ],
    };
  });
  afterAll(() => app.close());

  it('When every consumer reads what it declared, then payment-service still produces each field with its type', () => {
    const contracts = loadConsumerContracts('payment-service');
    const provider = { name: 'payment-service', events: [paymentCompleted, paymentRefunded] } as const;

    expect(contracts.map((c) => c.consumer)).toContain('order-service');
    expect(findContractBreaks(provider, contracts, produced)).toEqual([]);
  });
});
