import request from 'supertest';
import { type Caller, type CouponApp, createPolicy, HOUR, policyTerms, startCouponApp } from '../support/coupon-app';

const START = new Date('2026-12-01T10:00:00.000Z');
const END = new Date('2026-12-01T12:00:00.000Z');

describe('Claiming a coupon', () => {
  let app: CouponApp;
  let seller: Caller;

  beforeAll(async () => {
    app = await startCouponApp({ now: new Date(START.getTime() + HOUR) });
    seller = await app.caller('SELLER', 'APPROVED');
  });
  afterAll(() => app.close());
  beforeEach(() => app.setNow(new Date(START.getTime() + HOUR)));

  const windowTerms = (overrides: Record<string, unknown> = {}) =>
    policyTerms(START, { claimStartsAt: START.toISOString(), claimEndsAt: END.toISOString(), ...overrides });
  const claim = (policyId: string, buyer: Caller) =>
    request(app.server).post(`/coupon-policies/${policyId}/claims`).set('Authorization', buyer.authorization);

  it('When a buyer claims inside the window, then 201 with an AVAILABLE coupon expiring N days later, and a second claim is 409 ALREADY_CLAIMED', async () => {
    const policyId = await createPolicy(app, seller, windowTerms({ validDays: 3 }));
    const buyer = await app.caller('BUYER');

    const first = await claim(policyId, buyer);
    const second = await claim(policyId, buyer);

    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      policyId,
      status: 'AVAILABLE',
      discountType: 'PERCENT',
      discountValue: 10,
      sellerId: seller.userId,
      orderId: null,
      issuedAt: new Date(START.getTime() + HOUR).toISOString(),
      expiresAt: new Date(START.getTime() + HOUR + 3 * 24 * HOUR).toISOString(),
    });
    expect([second.status, second.body.code]).toEqual([409, 'COUPON.ALREADY_CLAIMED']);
    expect(await app.prisma.userCoupon.count({ where: { policyId } })).toBe(1);
  });

  it('When the quantity is used up, then the next buyer gets 409 SOLD_OUT', async () => {
    const policyId = await createPolicy(app, seller, windowTerms({ totalQuantity: 2 }));
    const buyers = await Promise.all([1, 2, 3].map(() => app.caller('BUYER')));

    const statuses = [];
    for (const buyer of buyers) statuses.push((await claim(policyId, buyer)).body.code ?? 201);

    expect(statuses).toEqual([201, 201, 'COUPON.SOLD_OUT']);
    expect(await app.prisma.couponPolicy.findUnique({ where: { id: policyId } })).toMatchObject({ issuedCount: 2 });
  });

  it.each([
    ['one millisecond before the start', 422, START.getTime() - 1],
    ['exactly at the start', 201, START.getTime()],
    ['one millisecond before the end', 201, END.getTime() - 1],
    ['exactly at the end', 422, END.getTime()],
  ])('When the clock is %s, then the claim answers %i', async (_edge, expected, now) => {
    const policyId = await createPolicy(app, seller, windowTerms());
    app.setNow(new Date(now));

    const response = await claim(policyId, await app.caller('BUYER'));

    expect(response.status).toBe(expected);
    if (expected === 422) expect(response.body.code).toBe('COUPON.NOT_IN_CLAIM_WINDOW');
  });

  it('When the policy is paused, then claims get 409 POLICY_NOT_ACTIVE until it is resumed; once ended they never succeed', async () => {
    const policyId = await createPolicy(app, seller, windowTerms());
    await claim(policyId, await app.caller('BUYER')); // builds the Redis ledger before the pause
    const action = (name: string) =>
      request(app.server).post(`/coupon-policies/${policyId}/${name}`).set('Authorization', seller.authorization);

    await action('pause');
    const paused = await claim(policyId, await app.caller('BUYER'));
    await action('resume');
    const resumed = await claim(policyId, await app.caller('BUYER'));
    await action('end');
    const ended = await claim(policyId, await app.caller('BUYER'));

    expect([paused.status, paused.body.code]).toEqual([409, 'COUPON.POLICY_NOT_ACTIVE']);
    expect(resumed.status).toBe(201);
    expect([ended.status, ended.body.code]).toEqual([409, 'COUPON.POLICY_NOT_ACTIVE']);
  });

  it('When Redis missed a pause (its ledger is stale), then the database still refuses, and the ledger is rebuilt from it', async () => {
    const policyId = await createPolicy(app, seller, windowTerms());
    await claim(policyId, await app.caller('BUYER'));
    await app.prisma.couponPolicy.update({ where: { id: policyId }, data: { status: 'PAUSED' } });
    const buyer = await app.caller('BUYER');

    const response = await claim(policyId, buyer);

    const next = await claim(policyId, await app.caller('BUYER'));

    expect([response.status, response.body.code]).toEqual([409, 'COUPON.POLICY_NOT_ACTIVE']);
    expect([next.status, next.body.code]).toEqual([409, 'COUPON.POLICY_NOT_ACTIVE']);
    const meta = await app.redis.hgetall(`${app.keyPrefix}policy:{${policyId}}:meta`);
    expect(meta).toMatchObject({ status: 'PAUSED', issued: '1' });
    expect(await app.redis.sismember(`${app.keyPrefix}policy:{${policyId}}:buyers`, buyer.userId)).toBe(0);
  });

  it('When the policy does not exist, then 404; when the id is not a UUID, then 400', async () => {
    const buyer = await app.caller('BUYER');

    const missing = await claim('00000000-0000-4000-8000-00000000abcd', buyer);
    const bad = await claim('nope', buyer);

    expect([missing.status, missing.body.code]).toEqual([404, 'COUPON.POLICY_NOT_FOUND']);
    expect(bad.status).toBe(400);
  });

  it('When the same Idempotency-Key is sent again, then the 201 is replayed with the same coupon, not 409', async () => {
    const policyId = await createPolicy(app, seller, windowTerms());
    const buyer = await app.caller('BUYER');

    const [first, repeat] = await Promise.all([
      claim(policyId, buyer).set('Idempotency-Key', 'claim-1'),
      claim(policyId, buyer).set('Idempotency-Key', 'claim-1'),
    ]);
    const later = await claim(policyId, buyer).set('Idempotency-Key', 'claim-1');
    const otherKey = await claim(policyId, buyer).set('Idempotency-Key', 'claim-2');

    expect([first.status, repeat.status, later.status]).toEqual([201, 201, 201]);
    expect(new Set([first.body.id, repeat.body.id, later.body.id]).size).toBe(1);
    expect(later.headers['idempotent-replayed']).toBe('true');
    expect(otherKey.body.code).toBe('COUPON.ALREADY_CLAIMED');
  });

  it('When a seller or an anonymous caller claims, then 403 / 401', async () => {
    const policyId = await createPolicy(app, seller, windowTerms());

    expect((await claim(policyId, seller)).status).toBe(403);
    expect((await request(app.server).post(`/coupon-policies/${policyId}/claims`)).status).toBe(401);
  });
});

describe('Buyer listings', () => {
  let app: CouponApp;
  let seller: Caller;
  const now = new Date('2026-12-05T00:00:00.000Z');

  beforeAll(async () => {
    app = await startCouponApp({ now });
    seller = await app.caller('SELLER', 'APPROVED');
  });
  afterAll(() => app.close());

  it('When policies are open, future, paused or sold out, then GET /coupon-policies lists only the open ones with what is left', async () => {
    const open = await createPolicy(app, seller, policyTerms(now, { totalQuantity: 5 }));
    await createPolicy(app, seller, policyTerms(now, { claimStartsAt: new Date(now.getTime() + HOUR).toISOString() }));
    const paused = await createPolicy(app, seller, policyTerms(now));
    await request(app.server).post(`/coupon-policies/${paused}/pause`).set('Authorization', seller.authorization);
    const soldOut = await createPolicy(app, seller, policyTerms(now, { totalQuantity: 1 }));
    for (const id of [open, soldOut])
      await request(app.server)
        .post(`/coupon-policies/${id}/claims`)
        .set('Authorization', (await app.caller('BUYER')).authorization);

    const response = await request(app.server).get('/coupon-policies');

    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([expect.objectContaining({ id: open, remaining: 4, totalQuantity: 5 })]);
    expect(response.body.items[0]).not.toHaveProperty('issuedCount');
  });

  it('When a buyer has coupons, then GET /coupons/me pages them newest first and shows an expired one as EXPIRED', async () => {
    const buyer = await app.caller('BUYER');
    const ids: string[] = [];
    for (const validDays of [1, 5, 9]) {
      const policyId = await createPolicy(app, seller, policyTerms(now, { validDays }));
      const claimed = await request(app.server)
        .post(`/coupon-policies/${policyId}/claims`)
        .set('Authorization', buyer.authorization);
      ids.push(claimed.body.id);
    }
    app.setNow(new Date(now.getTime() + 2 * 24 * HOUR));
    const get = (query: string) =>
      request(app.server).get(`/coupons/me${query}`).set('Authorization', buyer.authorization);

    const first = await get('?limit=2');
    const second = await get(`?limit=2&cursor=${first.body.nextCursor}`);
    const badCursor = await get('?cursor=garbage');

    const items = [...first.body.items, ...second.body.items];
    expect(items.map((c: { id: string }) => c.id).sort()).toEqual([...ids].sort());
    expect(items.map((c: { status: string }) => c.status).sort()).toEqual(['AVAILABLE', 'AVAILABLE', 'EXPIRED']);
    expect(items.find((c: { id: string }) => c.id === ids[0]).status).toBe('EXPIRED');
    expect(second.body.nextCursor).toBeNull();
    expect(badCursor.status).toBe(400);
  });
});
