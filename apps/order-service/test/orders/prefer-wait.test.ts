import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { preferredWaitMs } from '../../src/order/waiting/prefer-wait';
import { type Caller, type OrderApp, startOrderApp } from '../support/order-app';
import { placeThroughApi } from '../support/place';
import { type PlacedOrder, paymentCompletedFor, stockReservedFor } from '../support/saga-events';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Prefer: wait on POST /orders and GET /orders/{id}, and If-None-Match with it', () => {
  let app: OrderApp;
  let buyer: Caller;

  beforeAll(async () => {
    app = await startOrderApp();
    buyer = await app.caller('BUYER');
  });
  afterAll(() => app.close());

  /** Replies to the first order.placed written after `since` as catalog would, `delayMs` later. */
  const replyToNextOrder = async (lines: PlacedOrder['lines'], delayMs: number) => {
    for (;;) {
      const row = await app.prisma.outboxEvent.findFirst({ where: { type: 'order.placed' }, orderBy: { id: 'desc' } });
      const payload = row?.payload as { orderId: string; buyerId: string; lines: PlacedOrder['lines'] } | undefined;
      if (payload && payload.lines[0]?.skuId === lines[0]?.skuId) {
        await sleep(delayMs);
        await app.deliver(
          stockReservedFor({ id: payload.orderId, buyerId: payload.buyerId, lines, userCouponId: null }),
        );
        return;
      }
      await sleep(10);
    }
  };

  it('When a buyer places an order with Prefer: wait=5 and stock is reserved 300 ms later, then the answer is the AWAITING_PAYMENT order, well before 5 s', async () => {
    const lines = [{ skuId: randomUUID(), quantity: 1 }];
    const started = Date.now();

    const [res] = await Promise.all([
      request(app.server)
        .post('/orders')
        .set('Authorization', buyer.authorization)
        .set('Prefer', 'wait=5')
        .send({ lines }),
      replyToNextOrder(lines, 300),
    ]);

    const elapsed = Date.now() - started;
    expect(res.status).toBe(202);
    expect(res.headers.location).toBe(`/orders/${res.body.id}`);
    expect(res.body).toMatchObject({ status: 'AWAITING_PAYMENT', amount: 10_000 });
    expect(elapsed).toBeGreaterThanOrEqual(300);
    expect(elapsed).toBeLessThan(1_500);
  });

  it('When nothing answers within Prefer: wait=1, then the PENDING order comes back after about a second', async () => {
    const started = Date.now();
    const res = await request(app.server)
      .post('/orders')
      .set('Authorization', buyer.authorization)
      .set('Prefer', 'wait=1')
      .send({ lines: [{ skuId: randomUUID(), quantity: 1 }] });

    expect(res.body.status).toBe('PENDING');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it('When GET /orders/{id} waits and the order settles meanwhile, then the settled state is returned at once', async () => {
    const placed = await placeThroughApi(app, buyer);
    const started = Date.now();

    const [res] = await Promise.all([
      request(app.server)
        .get(`/orders/${placed.id}`)
        .set('Authorization', buyer.authorization)
        .set('Prefer', 'wait=10'),
      sleep(200).then(() => app.deliver(stockReservedFor(placed))),
    ]);

    expect(res.body.status).toBe('AWAITING_PAYMENT');
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('When the order id is written in capitals, then the wait still wakes when the order settles', async () => {
    const placed = await placeThroughApi(app, buyer);
    const started = Date.now();

    const [res] = await Promise.all([
      request(app.server)
        .get(`/orders/${placed.id.toUpperCase()}`)
        .set('Authorization', buyer.authorization)
        .set('Prefer', 'wait=10'),
      sleep(200).then(() => app.deliver(stockReservedFor(placed))),
    ]);

    expect(res.body.status).toBe('AWAITING_PAYMENT');
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('When another buyer asks to wait on my order, then 404 at once', async () => {
    const placed = await placeThroughApi(app, buyer);
    const started = Date.now();
    const res = await request(app.server)
      .get(`/orders/${placed.id}`)
      .set('Authorization', (await app.caller('BUYER')).authorization)
      .set('Prefer', 'wait=5');
    expect(res.status).toBe(404);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  /** An order awaiting payment, and the GET that shows it (with its ETag). */
  const awaitingPayment = async () => {
    const placed = await placeThroughApi(app, buyer);
    await app.deliver(stockReservedFor(placed));
    const shown = await request(app.server).get(`/orders/${placed.id}`).set('Authorization', buyer.authorization);
    expect(shown.body.status).toBe('AWAITING_PAYMENT');
    return { placed, amount: shown.body.amount as number, etag: shown.headers.etag as string };
  };

  it('When a buyer waits with If-None-Match on the AWAITING_PAYMENT order and it is paid meanwhile, then the PAID order comes back at once with a new ETag', async () => {
    const { placed, amount, etag } = await awaitingPayment();
    const started = Date.now();

    const [res] = await Promise.all([
      request(app.server)
        .get(`/orders/${placed.id}`)
        .set('Authorization', buyer.authorization)
        .set('If-None-Match', etag)
        .set('Prefer', 'wait=10'),
      sleep(300).then(() => app.deliver(paymentCompletedFor(placed, amount))),
    ]);

    const elapsed = Date.now() - started;
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('PAID');
    expect(res.headers.etag).toBeDefined();
    expect(res.headers.etag).not.toBe(etag);
    expect(elapsed).toBeGreaterThanOrEqual(300);
    expect(elapsed).toBeLessThan(1_500);
  });

  it('When nothing changes within Prefer: wait=1 and the buyer holds the current ETag, then 304 after about a second, with no body', async () => {
    const { placed, etag } = await awaitingPayment();
    const started = Date.now();

    const res = await request(app.server)
      .get(`/orders/${placed.id}`)
      .set('Authorization', buyer.authorization)
      .set('If-None-Match', etag)
      .set('Prefer', 'wait=1');

    expect(res.status).toBe(304);
    expect(res.text ?? '').toBe('');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it('When the ETag a buyer holds is already stale, then the current order comes back at once, however long the wait asked', async () => {
    const placed = await placeThroughApi(app, buyer);
    const pending = await request(app.server).get(`/orders/${placed.id}`).set('Authorization', buyer.authorization);
    await app.deliver(stockReservedFor(placed));
    const started = Date.now();

    const res = await request(app.server)
      .get(`/orders/${placed.id}`)
      .set('Authorization', buyer.authorization)
      .set('If-None-Match', pending.headers.etag as string)
      .set('Prefer', 'wait=10');

    expect(res.status).toBe(200);
    expect(res.body.status).toBe('AWAITING_PAYMENT');
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it.each([
    [undefined, 0],
    ['wait=3', 3_000],
    ['respond-async, wait=7', 7_000],
    ['wait=60', 10_000],
    ['wait=abc', 0],
    ['handling=lenient', 0],
  ])('When Prefer is %p, then the wait is %d ms', (prefer, ms) => {
    expect(preferredWaitMs(prefer)).toBe(ms);
  });
});
