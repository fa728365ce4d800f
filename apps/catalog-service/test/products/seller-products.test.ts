import request from 'supertest';
import { type Caller, type CatalogApp, startCatalogApp } from '../support/catalog-app';
import { stockInvariantViolations } from '../support/seed';

const newProduct = {
  brand: 'Nike',
  modelName: 'Air Jordan 1 High',
  colorway: 'Chicago',
  releaseDate: '2026-10-01',
  price: 219_000,
  imageUrls: ['https://img.sneakers.example/aj1.jpg'],
  sizes: [
    { sizeMm: 260, stock: 3 },
    { sizeMm: 270, stock: 0 },
  ],
};

describe('A seller lists and manages sneakers', () => {
  let app: CatalogApp;
  let seller: Caller;

  beforeAll(async () => {
    app = await startCatalogApp();
    seller = await app.caller('SELLER', 'APPROVED');
  });
  afterAll(() => app.close());

  const as = (caller?: Caller) => {
    const agent = request.agent(app.server);
    return caller ? agent.set('Authorization', caller.authorization) : agent;
  };
  const create = async (body: object = newProduct) => {
    const response = await as(seller).post('/products').send(body);
    expect(response.status).toBe(201);
    return response.body as { id: string; sizes: Array<{ skuId: string; sizeMm: number }> };
  };
  const eventsOf = async (productId: string) =>
    (await app.prisma.outboxEvent.findMany({ where: { aggregateId: productId }, orderBy: { id: 'asc' } })).map(
      (e) => e.type,
    );

  it('When a seller creates a product, then it is a hidden DRAFT with its sizes', async () => {
    const created = await create();

    expect(created).toMatchObject({
      status: 'DRAFT',
      sellerId: seller.userId,
      price: 219_000,
      releaseDate: '2026-10-01',
    });
    expect(created.sizes.map((s) => s.sizeMm)).toEqual([260, 270]);
    expect((await as().get(`/products/${created.id}`)).status).toBe(404);
    expect((await as(seller).get(`/products/${created.id}`)).status).toBe(200);
    expect(await eventsOf(created.id)).toEqual([]);
  });

  it('When it is published, edited and discontinued, then buyers see it and the platform hears of each step', async () => {
    const { id } = await create();

    const published = await as(seller).post(`/products/${id}/publish`);
    await as(seller).post(`/products/${id}/publish`);
    const edited = await as(seller).patch(`/products/${id}`).send({ price: 199_000 });
    const detail = await as().get(`/products/${id}`);
    const discontinued = await as(seller).post(`/products/${id}/discontinue`);

    expect(published.body.status).toBe('ON_SALE');
    expect(edited.body.price).toBe(199_000);
    expect(detail.body.sizes).toEqual([
      expect.objectContaining({ sizeMm: 260, available: 3, inStock: true }),
      expect.objectContaining({ sizeMm: 270, available: 0, inStock: false }),
    ]);
    expect(discontinued.body.status).toBe('DISCONTINUED');
    expect(await eventsOf(id)).toEqual(['product.published', 'product.updated', 'product.updated']);
    const republish = await as(seller).post(`/products/${id}/publish`);
    expect(republish.status).toBe(409);
    expect(republish.body.type).toMatch(/catalog\/invalid-transition$/);
  });

  it('When stock is set and adjusted, then it never goes below what orders hold', async () => {
    const { id } = await create();
    await as(seller).post(`/products/${id}/publish`);
    const sku = await app.prisma.sku.findFirstOrThrow({ where: { productId: id, sizeMm: 260 } });
    await app.prisma
      .$executeRaw`UPDATE skus SET available = available - 2, reserved = reserved + 2 WHERE id = ${sku.id}::uuid`;

    const set = await as(seller).put(`/products/${id}/sizes/260/stock`).send({ onHand: 10 });
    const added = await as(seller)
      .post(`/products/${id}/sizes/260/stock-adjustments`)
      .set('Idempotency-Key', 'k1')
      .send({ delta: 5 });
    const replay = await as(seller)
      .post(`/products/${id}/sizes/260/stock-adjustments`)
      .set('Idempotency-Key', 'k1')
      .send({ delta: 5 });
    const tooLow = await as(seller).put(`/products/${id}/sizes/260/stock`).send({ onHand: 1 });
    const tooMany = await as(seller).post(`/products/${id}/sizes/260/stock-adjustments`).send({ delta: -14 });
    const newSize = await as(seller).put(`/products/${id}/sizes/285/stock`).send({ onHand: 4 });

    expect(set.body).toMatchObject({ stocked: 10, available: 8, reserved: 2, sold: 0 });
    expect(added.body).toMatchObject({ stocked: 15, available: 13, reserved: 2 });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(tooLow.status).toBe(409);
    expect(tooLow.body).toMatchObject({ reserved: 2 });
    expect(tooMany.status).toBe(409);
    expect(newSize.body).toMatchObject({ sizeMm: 285, stocked: 4, available: 4 });
    expect(await app.prisma.sku.findUniqueOrThrow({ where: { id: sku.id } })).toMatchObject({
      available: 13,
      reserved: 2,
    });
    expect(await stockInvariantViolations(app.prisma)).toEqual([]);
  });

  describe('Ownership', () => {
    let productId: string;
    let other: Caller;

    beforeAll(async () => {
      productId = (await create()).id;
      other = await app.caller('SELLER', 'APPROVED');
    });

    it.each([
      ['edit', (r: request.Agent, id: string) => r.patch(`/products/${id}`).send({ price: 1_000 })],
      ['publish', (r: request.Agent, id: string) => r.post(`/products/${id}/publish`)],
      ['discontinue', (r: request.Agent, id: string) => r.post(`/products/${id}/discontinue`)],
      ['set stock', (r: request.Agent, id: string) => r.put(`/products/${id}/sizes/260/stock`).send({ onHand: 99 })],
      [
        'adjust stock',
        (r: request.Agent, id: string) => r.post(`/products/${id}/sizes/260/stock-adjustments`).send({ delta: 9 }),
      ],
    ])(
      'When another seller tries to %s, then 403 catalog/not-product-owner and nothing changes',
      async (_what, send) => {
        const before = await app.prisma.product.findUniqueOrThrow({
          where: { id: productId },
          include: { skus: true },
        });

        const response = await send(as(other), productId);

        expect(response.status).toBe(403);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.body.type).toMatch(/catalog\/not-product-owner$/);
        expect(
          await app.prisma.product.findUniqueOrThrow({ where: { id: productId }, include: { skus: true } }),
        ).toEqual(before);
      },
    );

    it('When an admin edits any product, then it is allowed', async () => {
      const admin = await app.caller('ADMIN');
      expect((await as(admin).patch(`/products/${productId}`).send({ colorway: 'Bred' })).status).toBe(200);
    });

    it.each([
      ['a buyer', 'BUYER', undefined, 403],
      ['a pending seller', 'SELLER', 'PENDING', 403],
      ['nobody', undefined, undefined, 401],
    ] as const)(
      'When %s tries to create a product, then it is refused (%s %s → %s)',
      async (_who, role, status, expected) => {
        const caller = role ? await app.caller(role, status) : undefined;
        expect((await as(caller).post('/products').send(newProduct)).status).toBe(expected);
      },
    );
  });

  it.each([
    ['a negative price', { ...newProduct, price: -1 }],
    ['a size off the 5 mm grid', { ...newProduct, sizes: [{ sizeMm: 262, stock: 1 }] }],
    ['an unknown field', { ...newProduct, discount: 10 }],
    ['no brand', { ...newProduct, brand: '' }],
  ])('When the body has %s, then 400 problem+json', async (_what, body) => {
    const response = await as(seller).post('/products').send(body);

    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('When a size is listed twice, then 422 catalog/duplicate-size', async () => {
    const response = await as(seller)
      .post('/products')
      .send({
        ...newProduct,
        sizes: [
          { sizeMm: 260, stock: 1 },
          { sizeMm: 260, stock: 2 },
        ],
      });
    expect(response.status).toBe(422);
    expect(response.body.type).toMatch(/catalog\/duplicate-size$/);
  });
});
