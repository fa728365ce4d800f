import { randomUUID } from 'node:crypto';
import { PROBLEM_BASE } from '@sneakers/kit';
import request from 'supertest';
import { ledgerDisagreements, ledgerState } from '../support/ledger';
import { anOrder, awaitingPayment, cancelled, deliver, paid, type TestOrder } from '../support/order-events';
import { type Caller, type PaymentApp, startPaymentApp } from '../support/payment-app';
import { moneyTrail, paymentEventsOf } from '../support/payments';

describe('Paying an order from the balance', () => {
  let app: PaymentApp;

  beforeAll(async () => {
    // Short, so the "not payable yet" answer does not take the default 10 s.
    app = await startPaymentApp({ PAYMENT_ORDER_WAIT_MS: '1000' });
  });
  afterAll(() => app.close());

  const charge = (buyer: Caller, amount: number) =>
    request(app.server).post('/wallet/charges').set('Authorization', buyer.authorization).send({ amount });
  const pay = (buyer: Caller, orderId: string, key: string | undefined = randomUUID()) => {
    const req = request(app.server).post(`/orders/${orderId}/payment`).set('Authorization', buyer.authorization);
    return key === undefined ? req : req.set('Idempotency-Key', key);
  };
  /** A buyer with `balance` and an order of `amount` awaiting payment. */
  async function buyerWithOrder(balance: number, amount: number): Promise<{ buyer: Caller; order: TestOrder }> {
    const buyer = await app.caller('BUYER');
    if (balance > 0) expect((await charge(buyer, balance)).status).toBe(201);
    const order = anOrder(buyer.userId, amount);
    await deliver(app, awaitingPayment(order));
    return { buyer, order };
  }

  it('When a buyer pays an order their balance covers, then balance, ledger, payment and one payment.completed move together', async () => {
    const { buyer, order } = await buyerWithOrder(50_000, 30_000);

    const response = await pay(buyer, order.orderId);

    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      orderId: order.orderId,
      amount: 30_000,
      currency: 'KRW',
      status: 'COMPLETED',
      paidAt: expect.any(String),
      refundedAt: null,
    });
    expect(await ledgerState(app.prisma, buyer.userId)).toEqual({ balance: 20_000, entries: 2 });
    const [entry] = await app.prisma.walletTransaction.findMany({ where: { userId: buyer.userId, type: 'PAYMENT' } });
    expect(entry).toMatchObject({ amount: 30_000, balanceAfter: 20_000 });
    expect(await app.prisma.payment.findUnique({ where: { orderId: order.orderId } })).toMatchObject({
      id: response.body.id,
      buyerId: buyer.userId,
      amount: 30_000,
      status: 'COMPLETED',
    });
    expect(await paymentEventsOf(app.prisma, order.orderId)).toEqual([
      {
        type: 'payment.completed',
        aggregateId: response.body.id,
        payload: {
          paymentId: response.body.id,
          orderId: order.orderId,
          buyerId: buyer.userId,
          amount: 30_000,
          paidAt: response.body.paidAt,
        },
      },
    ]);
    expect(await ledgerDisagreements(app.prisma, buyer.userId)).toEqual([]);
  });

  it('When the balance does not cover the order, then 409 PAYMENT.INSUFFICIENT_BALANCE and nothing changes; after a top-up the same key pays', async () => {
    const { buyer, order } = await buyerWithOrder(10_000, 30_000);
    const key = randomUUID();
    const before = await moneyTrail(app.prisma, buyer.userId, order.orderId);

    const refused = await pay(buyer, order.orderId, key);

    expect(refused.status).toBe(409);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({
      type: `${PROBLEM_BASE}payment/insufficient-balance`,
      code: 'PAYMENT.INSUFFICIENT_BALANCE',
      amount: 30_000,
    });
    expect(await moneyTrail(app.prisma, buyer.userId, order.orderId)).toEqual(before);

    expect((await charge(buyer, 20_000)).status).toBe(201);
    const accepted = await pay(buyer, order.orderId, key);

    expect(accepted.status).toBe(201);
    expect(await ledgerState(app.prisma, buyer.userId)).toEqual({ balance: 0, entries: 3 });
    expect(await ledgerDisagreements(app.prisma, buyer.userId)).toEqual([]);
  });

  it('When a buyer who never charged pays, then 409 PAYMENT.INSUFFICIENT_BALANCE and no wallet opens', async () => {
    const { buyer, order } = await buyerWithOrder(0, 1_000);

    const response = await pay(buyer, order.orderId);

    expect(response.body.code).toBe('PAYMENT.INSUFFICIENT_BALANCE');
    expect(await moneyTrail(app.prisma, buyer.userId, order.orderId)).toMatchObject({
      balance: undefined,
      payments: 0,
    });
  });

  it('When the order is not awaiting payment yet, then 409 PAYMENT.ORDER_NOT_PAYABLE with status PENDING', async () => {
    const buyer = await app.caller('BUYER');
    await charge(buyer, 10_000);
    const orderId = randomUUID();

    const response = await pay(buyer, orderId);

    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({
      type: `${PROBLEM_BASE}payment/order-not-payable`,
      code: 'PAYMENT.ORDER_NOT_PAYABLE',
      status: 409,
      orderStatus: 'PENDING',
    });
    expect(await moneyTrail(app.prisma, buyer.userId, orderId)).toMatchObject({
      balance: 10_000,
      entries: 1,
      payments: 0,
    });
  });

  it('When the buyer pays a moment before order.awaiting-payment reached this service, then the payment waits for it and succeeds', async () => {
    const buyer = await app.caller('BUYER');
    await charge(buyer, 10_000);
    const order = anOrder(buyer.userId, 4_000);

    // supertest sends on `then`, so this starts the request now, before the event arrives.
    const payment = pay(buyer, order.orderId).then((res) => res);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the event is still on its way
    await deliver(app, awaitingPayment(order));

    expect((await payment).status).toBe(201);
    expect(await moneyTrail(app.prisma, buyer.userId, order.orderId)).toMatchObject({ balance: 6_000, payments: 1 });
  });

  it('When the order id is written in capitals and the order arrives while the payment waits, then the event wakes it, well before the wait ends', async () => {
    const buyer = await app.caller('BUYER');
    await charge(buyer, 10_000);
    const order = anOrder(buyer.userId, 4_000);
    const started = Date.now();

    const payment = pay(buyer, order.orderId.toUpperCase()).then((res) => res);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await deliver(app, awaitingPayment(order));

    expect((await payment).status).toBe(201);
    // The wait is 1 s here: an id the wake-up did not match would have run it out.
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('When the same key is sent again, then the stored answer is replayed and one payment exists', async () => {
    const { buyer, order } = await buyerWithOrder(10_000, 3_000);
    const key = randomUUID();

    const first = await pay(buyer, order.orderId, key);
    const again = await pay(buyer, order.orderId, key);

    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await moneyTrail(app.prisma, buyer.userId, order.orderId)).toMatchObject({
      balance: 7_000,
      entries: 2,
      payments: 1,
      events: 1,
    });
  });

  it('When an already paid order is paid again with another key or none, then 200 with the original payment and no money moves', async () => {
    const { buyer, order } = await buyerWithOrder(10_000, 3_000);
    const first = await pay(buyer, order.orderId);

    const otherKey = await pay(buyer, order.orderId, randomUUID());
    const noKey = await pay(buyer, order.orderId, undefined);
    await deliver(app, paid(order));
    const afterOrderPaid = await pay(buyer, order.orderId, undefined);

    for (const repeat of [otherKey, noKey, afterOrderPaid]) {
      expect(repeat.status).toBe(200);
      expect(repeat.body).toEqual(first.body);
    }
    expect(await moneyTrail(app.prisma, buyer.userId, order.orderId)).toMatchObject({
      balance: 7_000,
      entries: 2,
      payments: 1,
      events: 1,
    });
  });

  it('When 50 payments of one order with different keys arrive at once, then exactly one takes the money', async () => {
    const { buyer, order } = await buyerWithOrder(100_000, 30_000);

    const responses = await Promise.all(Array.from({ length: 50 }, () => pay(buyer, order.orderId)));

    const created = responses.filter((r) => r.status === 201);
    expect(created).toHaveLength(1);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(49);
    for (const response of responses) expect(response.body.id).toBe(created[0]?.body.id);
    expect(await moneyTrail(app.prisma, buyer.userId, order.orderId)).toMatchObject({
      balance: 70_000,
      entries: 2,
      payments: 1,
      events: 1,
    });
    expect(await ledgerDisagreements(app.prisma, buyer.userId)).toEqual([]);
  });

  it('When 50 payments of one order with the same key arrive at once, then one pays and 49 replay it', async () => {
    const { buyer, order } = await buyerWithOrder(100_000, 30_000);
    const key = randomUUID();

    const responses = await Promise.all(Array.from({ length: 50 }, () => pay(buyer, order.orderId, key)));

    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(201));
    expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(49);
    expect(await moneyTrail(app.prisma, buyer.userId, order.orderId)).toMatchObject({
      balance: 70_000,
      payments: 1,
      events: 1,
    });
  });

  it.each([
    ['cancelled', 'OUT_OF_STOCK', 'CANCELLED'],
    ['expired', 'EXPIRED', 'EXPIRED'],
  ] as const)(
    'When the order was %s, then 409 PAYMENT.ORDER_CANCELLED and no money moves',
    async (_what, reason, orderStatus) => {
      const { buyer, order } = await buyerWithOrder(50_000, 30_000);
      await deliver(app, cancelled(order, reason));
      const before = await moneyTrail(app.prisma, buyer.userId, order.orderId);

      const response = await pay(buyer, order.orderId);

      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({
        type: `${PROBLEM_BASE}payment/order-cancelled`,
        code: 'PAYMENT.ORDER_CANCELLED',
        status: 409,
        orderStatus,
        reason,
      });
      expect(await moneyTrail(app.prisma, buyer.userId, order.orderId)).toEqual(before);
    },
  );

  it('When the deadline has passed but the expiry has not arrived yet, then 409 as expired and no money moves', async () => {
    const buyer = await app.caller('BUYER');
    await charge(buyer, 50_000);
    const order = anOrder(buyer.userId, 30_000, -1);
    await deliver(app, awaitingPayment(order));
    const before = await moneyTrail(app.prisma, buyer.userId, order.orderId);

    const response = await pay(buyer, order.orderId);

    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'PAYMENT.ORDER_CANCELLED', orderStatus: 'EXPIRED', reason: 'EXPIRED' });
    expect(await moneyTrail(app.prisma, buyer.userId, order.orderId)).toEqual(before);
  });

  it('When a fully discounted order (0 KRW) is paid, then the payment and its event exist without a ledger entry', async () => {
    const { buyer, order } = await buyerWithOrder(0, 0);

    const response = await pay(buyer, order.orderId);

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ amount: 0, status: 'COMPLETED' });
    expect(await moneyTrail(app.prisma, buyer.userId, order.orderId)).toMatchObject({
      balance: undefined,
      entries: 0,
      payments: 1,
      events: 1,
    });
  });
});
