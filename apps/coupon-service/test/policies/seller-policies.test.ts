import request from 'supertest';
import { type Caller, type CouponApp, createPolicy, policyTerms, startCouponApp } from '../support/coupon-app';

describe('Seller coupon policies', () => {
  let app: CouponApp;
  let seller: Caller;

  beforeAll(async () => {
    app = await startCouponApp();
    seller = await app.caller('SELLER', 'APPROVED');
  });
  afterAll(() => app.close());

  const post = (path: string, who: Caller, body?: object) =>
    request(app.server).post(path).set('Authorization', who.authorization).send(body);

  it('When an approved seller creates a policy, then it is ACTIVE with nothing issued and its terms as sent', async () => {
    const terms = policyTerms();

    const response = await post('/coupon-policies', seller, terms);

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      sellerId: seller.userId,
      name: terms.name,
      discountType: 'PERCENT',
      discountValue: 10,
      maxDiscount: 20_000,
      minOrderAmount: 50_000,
      totalQuantity: 100,
      issuedCount: 0,
      validDays: 7,
      validUntil: null,
      status: 'ACTIVE',
    });
  });

  it('When the same Idempotency-Key is sent twice, then one policy exists and the answer is replayed', async () => {
    const terms = policyTerms(new Date(), { name: 'Idempotent one' });
    const first = await post('/coupon-policies', seller, terms).set('Idempotency-Key', 'create-1');
    const second = await post('/coupon-policies', seller, terms).set('Idempotency-Key', 'create-1');

    expect(second.status).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body.id).toBe(first.body.id);
    expect(await app.prisma.couponPolicy.count({ where: { name: 'Idempotent one' } })).toBe(1);
  });

  it('When the seller pauses, resumes and ends its policy, then each answer shows the new status; a paused one can be resumed, an ended one cannot', async () => {
    const id = await createPolicy(app, seller, policyTerms());

    expect((await post(`/coupon-policies/${id}/pause`, seller)).body.status).toBe('PAUSED');
    expect((await post(`/coupon-policies/${id}/pause`, seller)).body.status).toBe('PAUSED');
    expect((await post(`/coupon-policies/${id}/resume`, seller)).body.status).toBe('ACTIVE');
    expect((await post(`/coupon-policies/${id}/end`, seller)).body.status).toBe('ENDED');
    const resumed = await post(`/coupon-policies/${id}/resume`, seller);
    expect(resumed.status).toBe(409);
    expect(resumed.body.code).toBe('COUPON.POLICY_ENDED');
  });

  it('When the seller raises the quantity, then it grows; lowering it is refused with 409', async () => {
    const id = await createPolicy(app, seller, policyTerms());
    const put = (totalQuantity: number) =>
      request(app.server)
        .put(`/coupon-policies/${id}/quantity`)
        .set('Authorization', seller.authorization)
        .send({ totalQuantity });

    expect((await put(150)).body.totalQuantity).toBe(150);
    expect((await put(150)).status).toBe(200);
    const lowered = await put(149);

    expect(lowered.status).toBe(409);
    expect(lowered.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(lowered.body).toMatchObject({ code: 'COUPON.QUANTITY_CANNOT_SHRINK', totalQuantity: 150 });
  });

  it('When another seller tries to pause, end or raise a policy, then 403 NOT_POLICY_OWNER and nothing changes', async () => {
    const id = await createPolicy(app, seller, policyTerms());
    const other = await app.caller('SELLER', 'APPROVED');

    const answers = await Promise.all([
      post(`/coupon-policies/${id}/pause`, other),
      post(`/coupon-policies/${id}/end`, other),
      request(app.server)
        .put(`/coupon-policies/${id}/quantity`)
        .set('Authorization', other.authorization)
        .send({ totalQuantity: 500 }),
    ]);

    expect(answers.map((r) => [r.status, r.body.code])).toEqual(Array(3).fill([403, 'COUPON.NOT_POLICY_OWNER']));
    expect(await app.prisma.couponPolicy.findUnique({ where: { id } })).toMatchObject({
      status: 'ACTIVE',
      totalQuantity: 100,
    });
  });

  it('When a seller lists its policies, then it sees only its own, in pages; an admin sees every seller’s', async () => {
    const mine = await app.caller('SELLER', 'APPROVED');
    const other = await app.caller('SELLER', 'APPROVED');
    const ids = [];
    for (let i = 0; i < 3; i += 1)
      ids.push(await createPolicy(app, mine, policyTerms(new Date(), { name: `mine ${i}` })));
    const othersId = await createPolicy(app, other, policyTerms());
    const list = (who: Caller, query: string) =>
      request(app.server).get(`/manage/coupon-policies${query}`).set('Authorization', who.authorization);

    const first = await list(mine, '?limit=2');
    const second = await list(mine, `?limit=2&cursor=${first.body.nextCursor}`);
    const admin = await app.caller('ADMIN');
    const all = await list(admin, '?limit=100');

    expect([...first.body.items, ...second.body.items].map((p: { id: string }) => p.id)).toEqual(ids.reverse());
    expect(second.body.nextCursor).toBeNull();
    expect(all.body.items.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([...ids, othersId]));
  });

  it('When a seller is not approved, or a buyer tries, then creating a policy is refused with 403', async () => {
    const pending = await app.caller('SELLER', 'PENDING');
    const buyer = await app.caller('BUYER');

    const [p, b] = await Promise.all([
      post('/coupon-policies', pending, policyTerms()),
      post('/coupon-policies', buyer, policyTerms()),
    ]);

    expect([p.status, p.body.type]).toEqual([403, 'https://sneakers.example/problems/auth/seller-not-approved']);
    expect(b.status).toBe(403);
  });

  it.each([
    ['a PERCENT above 100', { discountValue: 101 }],
    ['a maximum on a FIXED discount', { discountType: 'FIXED', discountValue: 3_000, maxDiscount: 1_000 }],
    ['a window that ends before it starts', { claimEndsAt: new Date(Date.now() - 2 * 3_600_000).toISOString() }],
    ['both validUntil and validDays', { validUntil: new Date(Date.now() + 30 * 86_400_000).toISOString() }],
    ['neither validUntil nor validDays', { validDays: undefined }],
    [
      'validity ending before the window does',
      { validDays: undefined, validUntil: new Date(Date.now() + 3_600_000).toISOString() },
    ],
    ['a zero quantity', { totalQuantity: 0 }],
    ['a fractional amount', { minOrderAmount: 10.5 }],
    ['an unknown field', { productIds: [] }],
    ['an empty name', { name: '  ' }],
  ])('When the body has %s, then 400 problem+json and no policy', async (_what, overrides) => {
    const before = await app.prisma.couponPolicy.count();

    const response = await post('/coupon-policies', seller, policyTerms(new Date(), overrides));

    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body.code).toBe('HTTP.VALIDATION_FAILED');
    expect(await app.prisma.couponPolicy.count()).toBe(before);
  });

  it('When a policy id is not a UUID or does not exist, then 400 or 404 problem+json', async () => {
    const bad = await post('/coupon-policies/not-a-uuid/pause', seller);
    const missing = await post('/coupon-policies/00000000-0000-4000-8000-000000000000/pause', seller);

    expect(bad.status).toBe(400);
    expect([missing.status, missing.body.code]).toEqual([404, 'COUPON.POLICY_NOT_FOUND']);
  });
});
