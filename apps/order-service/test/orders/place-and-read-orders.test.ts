import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { type Caller, type OrderApp, startOrderApp } from '../support/order-app';
import { outboxOf, typesOf } from '../support/outbox';

const line = (quantity = 1) => ({ skuId: randomUUID(), quantity });

describe('Placing and reading orders', () => {
  let app: OrderApp;
  let buyer: Caller;

  beforeAll(async () => {
    app = await startOrderApp();
    buyer = await app.caller('BUYER');
  });
  afterAll(() => app.close());

  const place = (caller: Caller, body: unknown, key?: string) => {
    const req = request(app.server).post('/orders').set('Authorization', caller.authorization);
    return (key ? req.set('Idempotency-Key', key) : req).send(body as object);
  };

  it('When a buyer places an order, then it is PENDING, answered 202 with Location, and order.placed is written', async () => {
    const couponId = randomUUID();
    const res = await place(buyer, { lines: [line(2), line(1)], userCouponId: couponId });

    expect(res.status).toBe(202);
    expect(res.headers.location).toBe(`/orders/${res.body.id}`);
    expect(res.body).toMatchObject({ status: 'PENDING', buyerId: buyer.userId, userCouponId: couponId, amount: null });
    const events = await outboxOf(app.prisma, res.body.id);
    expect(typesOf(events)).toEqual(['order.placed']);
    expect(events[0]?.payload).toMatchObject({ orderId: res.body.id, buyerId: buyer.userId, userCouponId: couponId });
  });

  it('When the same Idempotency-Key is sent twice, then one order exists and the second answer is a replay', async () => {
    const body = { lines: [line()] };
    const first = await place(buyer, body, 'order-key-1');
    const second = await place(buyer, body, 'order-key-1');

    expect(second.status).toBe(202);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.headers.location).toBe(first.headers.location);
    expect(second.body.id).toBe(first.body.id);
    expect(await app.prisma.order.count({ where: { id: first.body.id } })).toBe(1);
    expect(typesOf(await outboxOf(app.prisma, first.body.id))).toEqual(['order.placed']);
  });

  it.each([
    ['no lines', { lines: [] }],
    ['21 lines', { lines: Array.from({ length: 21 }, () => line()) }],
    ['quantity 0', { lines: [line(0)] }],
    ['quantity 11', { lines: [line(11)] }],
    ['a fractional quantity', { lines: [line(1.5)] }],
    ['a SKU that is not a uuid', { lines: [{ skuId: 'abc', quantity: 1 }] }],
    [
      'one SKU twice',
      {
        lines: [
          { skuId: '6f1c1a52-4a43-4f3a-9f43-7d3f3f0a9a11', quantity: 1 },
          { skuId: '6f1c1a52-4a43-4f3a-9f43-7d3f3f0a9a11', quantity: 2 },
        ],
      },
    ],
    ['an unknown field', { lines: [line()], price: 1 }],
    ['a bad coupon id', { lines: [line()], userCouponId: 'x' }],
  ])('When the body has %s, then 400 problem+json and nothing is stored', async (_, body) => {
    const before = await app.prisma.order.count();
    const res = await place(buyer, body);

    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(await app.prisma.order.count()).toBe(before);
  });

  it('When 20 lines of quantity 10 are ordered, then the order is accepted (the upper bounds are inclusive)', async () => {
    const res = await place(buyer, { lines: Array.from({ length: 20 }, () => line(10)) });
    expect(res.status).toBe(202);
  });

  it('When an anonymous caller, a seller or an admin places an order, then 401 / 403 / 403', async () => {
    const anonymous = await request(app.server)
      .post('/orders')
      .send({ lines: [line()] });
    const seller = await place(await app.caller('SELLER', 'APPROVED'), { lines: [line()] });
    const admin = await place(await app.caller('ADMIN'), { lines: [line()] });

    expect([anonymous.status, seller.status, admin.status]).toEqual([401, 403, 403]);
    expect(seller.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('When the owner, another buyer, a seller, an admin or nobody reads an order, then 200 / 404 / 403 / 200 / 401', async () => {
    const { body: order } = await place(buyer, { lines: [line()] });
    const get = (caller?: Caller) => {
      const req = request(app.server).get(`/orders/${order.id}`);
      return caller ? req.set('Authorization', caller.authorization) : req;
    };

    const owner = await get(buyer);
    const other = await get(await app.caller('BUYER'));
    const seller = await get(await app.caller('SELLER', 'APPROVED'));
    const admin = await get(await app.caller('ADMIN'));
    const anonymous = await get();

    expect([owner.status, other.status, seller.status, admin.status, anonymous.status]).toEqual([
      200, 404, 403, 200, 401,
    ]);
    expect(owner.body).toMatchObject({ id: order.id, status: 'PENDING' });
    expect(admin.body.id).toBe(order.id);
    expect(other.body.type).toBe('https://sneakers.example/problems/order/not-found');
  });

  it('When an order id is not a uuid, then 400', async () => {
    const res = await request(app.server).get('/orders/nope').set('Authorization', buyer.authorization);
    expect(res.status).toBe(400);
  });

  it('When a buyer lists their orders in pages, then each appears once, newest first, and only theirs', async () => {
    const me = await app.caller('BUYER');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await place(me, { lines: [line()] })).body.id);
    await place(buyer, { lines: [line()] });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await request(app.server)
        .get('/orders')
        .query({ limit: 2, ...(cursor ? { cursor } : {}) })
        .set('Authorization', me.authorization);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((o: { id: string }) => o.id));
      cursor = res.body.nextCursor;
    } while (cursor);

    expect(seen).toEqual([...ids].reverse());
  });

  it("When a seller, an admin or nobody lists orders, then 403 / 403 / 401 (the list is a buyer's own)", async () => {
    const list = (authorization?: string) => {
      const req = request(app.server).get('/orders');
      return authorization ? req.set('Authorization', authorization) : req;
    };
    const statuses = [
      (await list((await app.caller('SELLER', 'APPROVED')).authorization)).status,
      (await list((await app.caller('ADMIN')).authorization)).status,
      (await list()).status,
    ];
    expect(statuses).toEqual([403, 403, 401]);
  });

  it('When a buyer filters by status, then only orders in that status come back', async () => {
    const me = await app.caller('BUYER');
    const { body: order } = await place(me, { lines: [line()] });
    await request(app.server).post(`/orders/${order.id}/cancel`).set('Authorization', me.authorization);
    await place(me, { lines: [line()] });

    const cancelled = await request(app.server).get('/orders?status=CANCELLED').set('Authorization', me.authorization);
    const pending = await request(app.server).get('/orders?status=PENDING').set('Authorization', me.authorization);
    const bad = await request(app.server).get('/orders?status=NOPE').set('Authorization', me.authorization);
    const badCursor = await request(app.server).get('/orders?cursor=zzz').set('Authorization', me.authorization);

    expect(cancelled.body.items.map((o: { id: string }) => o.id)).toEqual([order.id]);
    expect(pending.body.items).toHaveLength(1);
    expect([bad.status, badCursor.status]).toEqual([400, 400]);
  });
});
