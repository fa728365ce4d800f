import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { type CatalogApp, startCatalogApp } from '../support/catalog-app';
import { seedProduct } from '../support/seed';

type Listed = { id: string; createdAt: string; price: number };

describe('Buyers browse sneakers', () => {
  let app: CatalogApp;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    app = await startCatalogApp();
    const base = Date.parse('2026-11-01T00:00:00Z');
    // 12 products: prices repeat (ties), every third is Adidas, size 250 in stock only on even ones.
    for (let i = 0; i < 12; i++) {
      const { productId, skus } = await seedProduct(app.prisma, {
        brand: i % 3 === 0 ? 'Adidas' : 'Nike',
        price: 100_000 + (i % 4) * 10_000,
        sizes: [250, 270],
        stock: 5,
        createdAt: new Date(base + (i % 6) * 60_000),
      });
      ids[`p${i}`] = productId;
      if (i % 2 === 1)
        await app.prisma.sku.update({ where: { id: skus[250] as string }, data: { available: 0, stocked: 0 } });
      await app.prisma.product.update({ where: { id: productId }, data: { unitsSold: i % 5 } });
    }
    await seedProduct(app.prisma, { status: 'DRAFT' });
    await seedProduct(app.prisma, { status: 'DISCONTINUED' });
  });
  afterAll(() => app.close());

  /** Every page of a listing, following nextCursor. */
  async function allPages(query: Record<string, string | number>): Promise<Listed[]> {
    const items: Listed[] = [];
    let cursor: string | null = null;
    do {
      const response = await request(app.server)
        .get('/products')
        .query({ ...query, limit: 5, ...(cursor ? { cursor } : {}) });
      expect(response.status).toBe(200);
      items.push(...response.body.items);
      cursor = response.body.nextCursor;
    } while (cursor);
    return items;
  }

  it.each([
    ['newest', (a: Listed, b: Listed) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id)],
    ['price_asc', (a: Listed, b: Listed) => a.price - b.price || a.id.localeCompare(b.id)],
    ['price_desc', (a: Listed, b: Listed) => b.price - a.price || b.id.localeCompare(a.id)],
  ])(
    'When pages sorted by %s are walked, then every product on sale appears once, in a total order',
    async (sort, order) => {
      const items = await allPages({ sort });

      expect(items).toHaveLength(12);
      expect(new Set(items.map((i) => i.id)).size).toBe(12);
      expect(items).toEqual([...items].sort(order));
    },
  );

  it('When sorted by popularity, then the most sold come first', async () => {
    const items = await allPages({ sort: 'popularity' });
    const sold = await Promise.all(
      items.map(async (i) => (await app.prisma.product.findUniqueOrThrow({ where: { id: i.id } })).unitsSold),
    );
    expect(sold).toEqual([...sold].sort((a, b) => b - a));
    expect(items).toHaveLength(12);
  });

  it('When filtered by brand, size in stock and price range, then only matching products come back', async () => {
    const items = await allPages({ brand: 'adidas', size: 250, minPrice: 100_000, maxPrice: 120_000 });

    // Adidas: p0 p3 p6 p9; size 250 in stock: even → p0 p6; prices 100k and 120k.
    expect(items.map((i) => i.id).sort()).toEqual([ids.p0, ids.p6].sort());
  });

  it('When a cursor of another sort is used, then 400', async () => {
    const first = await request(app.server).get('/products').query({ sort: 'newest', limit: 2 });
    const response = await request(app.server)
      .get('/products')
      .query({ sort: 'price_asc', cursor: first.body.nextCursor });
    expect(response.status).toBe(400);
    expect(response.body.type).toMatch(/http\/invalid-cursor$/);
  });

  it.each([
    ['sort=cheap', { sort: 'cheap' }],
    ['status=DRAFT', { status: 'DRAFT' }],
    ['size=999', { size: 999 }],
    ['limit=0', { limit: 0 }],
  ])('When the query has %s, then 400 problem+json', async (_what, query) => {
    const response = await request(app.server).get('/products').query(query);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('When a product that does not exist is asked for, then 404 catalog/product-not-found', async () => {
    const response = await request(app.server).get(`/products/${randomUUID()}`);
    expect(response.status).toBe(404);
    expect(response.body.type).toMatch(/catalog\/product-not-found$/);
  });
});
