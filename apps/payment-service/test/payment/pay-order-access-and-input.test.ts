import { randomUUID } from 'node:crypto';
import { PROBLEM_BASE } from '@sneakers/kit';
import request from 'supertest';
import { anOrder, awaitingPayment, deliver, type TestOrder } from '../support/order-events';
import { type Caller, type PaymentApp, startPaymentApp } from '../support/payment-app';
import { moneyTrail } from '../support/payments';

describe('Who may pay an order, and with what input', () => {
  let app: PaymentApp;
  let owner: Caller;
  let order: TestOrder;

  beforeAll(async () => {
    app = await startPaymentApp();
    owner = await app.caller('BUYER');
    await request(app.server)
      .post('/wallet/charges')
      .set('Authorization', owner.authorization)
      .send({ amount: 20_000 });
    order = anOrder(owner.userId, 5_000);
    await deliver(app, awaitingPayment(order));
  });
  afterAll(() => app.close());

  const pay = (orderId: string, authorization?: string, key: string = randomUUID()) => {
    const req = request(app.server).post(`/orders/${orderId}/payment`).set('Idempotency-Key', key);
    return authorization ? req.set('Authorization', authorization) : req;
  };

  async function expectRefused(call: () => Promise<request.Response>, status: number, problem: string): Promise<void> {
    const before = await moneyTrail(app.prisma, owner.userId, order.orderId);
    const response = await call();
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.type).toBe(`${PROBLEM_BASE}${problem}`);
    expect(await moneyTrail(app.prisma, owner.userId, order.orderId)).toEqual(before);
  }

  it('When nobody signs in, then 401 auth/missing-token', async () => {
    await expectRefused(() => pay(order.orderId), 401, 'auth/missing-token');
  });

  it.each([
    ['a pending seller', 'SELLER', 'PENDING'],
    ['an approved seller', 'SELLER', 'APPROVED'],
    ['an admin', 'ADMIN', undefined],
  ] as const)('When %s pays, then 403 auth/forbidden', async (_who, role, sellerStatus) => {
    const caller = await app.caller(role, sellerStatus);
    await expectRefused(() => pay(order.orderId, caller.authorization), 403, 'auth/forbidden');
  });

  it("When another buyer pays this buyer's order, then 404 PAYMENT.ORDER_NOT_FOUND and nobody's money moves", async () => {
    const stranger = await app.caller('BUYER');
    await request(app.server)
      .post('/wallet/charges')
      .set('Authorization', stranger.authorization)
      .send({ amount: 20_000 });

    await expectRefused(() => pay(order.orderId, stranger.authorization), 404, 'payment/order-not-found');
    expect((await moneyTrail(app.prisma, stranger.userId, order.orderId)).balance).toBe(20_000);
  });

  it.each(['not-a-uuid', '123', `${randomUUID()}x`])(
    'When the order id is "%s", then 400 http/validation-failed',
    async (orderId) => {
      await expectRefused(() => pay(orderId, owner.authorization), 400, 'http/validation-failed');
    },
  );

  it('When the Idempotency-Key is malformed, then 400 idempotency/invalid-key', async () => {
    await expectRefused(() => pay(order.orderId, owner.authorization, 'has spaces!'), 400, 'idempotency/invalid-key');
  });

  it('When the body is not valid JSON, then 400 http/malformed-json', async () => {
    await expectRefused(
      () => pay(order.orderId, owner.authorization).set('Content-Type', 'application/json').send('{"oops"'),
      400,
      'http/malformed-json',
    );
  });

  it('When the owner pays, then 201; a key reused for another order is 422 idempotency/key-reused', async () => {
    const key = randomUUID();
    const other = anOrder(owner.userId, 1_000);
    await deliver(app, awaitingPayment(other));

    expect((await pay(order.orderId, owner.authorization, key)).status).toBe(201);
    await expectRefused(() => pay(other.orderId, owner.authorization, key), 422, 'idempotency/key-reused');
    expect(await app.prisma.payment.count({ where: { orderId: other.orderId } })).toBe(0);
  });
});
