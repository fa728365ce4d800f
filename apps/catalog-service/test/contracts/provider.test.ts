import { randomUUID } from 'node:crypto';
import {
  findContractBreaks,
  loadConsumerContracts,
  orderPaid,
  orderPlaced,
  type ProducedSamples,
  productPublished,
  productUpdated,
  stockRejected,
  stockReserved,
} from '@sneakers/contracts';
import request from 'supertest';
import { type CatalogApp, startCatalogApp } from '../support/catalog-app';
import { seedProduct } from '../support/seed';

describe("catalog-service against its consumers' contracts", () => {
  let app: CatalogApp;
  let produced: ProducedSamples;

  // One order whose stock is reserved and then paid, one that asks for more than there is, and the
  // product as the listing, its detail and the popular top 5 show it.
  beforeAll(async () => {
    app = await startCatalogApp();
    const product = await seedProduct(app.prisma, { sizes: [270, 275], stock: 3 });
    const skuId = product.skus[270] as string;
    const buyerId = randomUUID();
    const place = async (quantity: number) => {
      const orderId = randomUUID();
      await app.deliver(orderPlaced, {
        orderId,
        buyerId,
        lines: [{ skuId, quantity }],
        placedAt: new Date().toISOString(),
      });
      return orderId;
    };
    const paidOrderId = await place(2);
    await place(5);
    // The first one is paid, so it counts in the popular top 5.
    await app.deliver(orderPaid, {
      orderId: paidOrderId,
      buyerId,
      lines: [{ skuId, productId: product.productId, quantity: 2 }],
      amount: 0,
      paidAt: new Date().toISOString(),
    });
    const detail = await request(app.server).get(`/products/${product.productId}`);
    const listing = await request(app.server).get('/products');
    const popular = await request(app.server).get('/products/popular');
    produced = {
      events: await app.prisma.outboxEvent.findMany(),
      responses: [
        { route: 'GET /products/{productId}', status: detail.status, body: detail.body },
        { route: 'GET /products', status: listing.status, body: listing.body },
        { route: 'GET /products/popular', status: popular.status, body: popular.body },
      ],
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
