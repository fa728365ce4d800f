import { randomUUID } from 'node:crypto';
import {
  findContractBreaks,
  loadConsumerContracts,
  orderPlaced,
  type ProducedSamples,
  productPublished,
  productUpdated,
  stockRejected,
  stockReserved,
} from '@sneakers/shared';
import request from 'supertest';
import { type CatalogApp, startCatalogApp } from '../support/catalog-app';
import { seedProduct } from '../support/seed';

describe("catalog-service against its consumers' contracts", () => {
  let app: CatalogApp;
  let produced: ProducedSamples;

  // One order whose stock is reserved, one that asks for more than there is, and a product detail.
  beforeAll(async () => {
    app = await startCatalogApp();
    const product = await seedProduct(app.prisma, { sizes: [270, 275], stock: 3 });
    const skuId = product.skus[270] as string;
    const place = (quantity: number) =>
      app.deliver(orderPlaced, {
        orderId: randomUUID(),
        buyerId: randomUUID(),
        lines: [{ skuId, quantity }],
        placedAt: new Date().toISOString(),
      });
    await place(2);
    await place(5);
    const detail = await request(app.server).get(`/products/${product.productId}`);
    produced = {
      events: await app.prisma.outboxEvent.findMany(),
      responses: [{ route: 'GET /products/{productId}', status: detail.status, body: detail.body }],
    };
  });
  afterAll(() => app.close());

  it('When every consumer reads what it declared, then catalog-service still produces each field with its type', () => {
    const contracts = loadConsumerContracts('catalog-service');
    const provider = {
      name: 'catalog-service',
      events: [stockReserved, stockRejected, productPublished, productUpdated],
    } as const;

    expect(contracts.map((c) => c.consumer)).toContain('order-service');
    expect(findContractBreaks(provider, contracts, produced)).toEqual([]);
  });
});
