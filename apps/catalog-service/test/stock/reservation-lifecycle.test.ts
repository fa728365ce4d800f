import { randomUUID } from 'node:crypto';
import { orderCancelled, orderPaid, orderPlaced } from '@sneakers/contracts';
import { type CatalogDb, startCatalogDb } from '../support/catalog-db';
import { outboxTypes, type SeededProduct, seedProduct, stockInvariantViolations, stockOf } from '../support/seed';

describe('A reservation through order.placed, order.paid and order.cancelled', () => {
  let db: CatalogDb;
  let product: SeededProduct;
  let skuId: string;

  beforeAll(async () => {
    db = await startCatalogDb();
  });
  beforeEach(async () => {
    product = await seedProduct(db.prisma, { sizes: [270, 275], stock: 10, price: 100_000 });
    skuId = product.skus[270] as string;
  });
  afterEach(async () => expect(await stockInvariantViolations(db.prisma)).toEqual([]));
  afterAll(() => db.close());

  const order = (quantity = 2, lines = [{ skuId: '', quantity }]) => {
    const orderId = randomUUID();
    const buyerId = randomUUID();
    const filled = lines.map((l) => ({ ...l, skuId: l.skuId || skuId }));
    return {
      orderId,
      placed: { orderId, buyerId, lines: filled, placedAt: new Date().toISOString() },
      paid: (paidAt = new Date()) => ({
        orderId,
        buyerId,
        lines: filled.map((l) => ({ ...l, productId: product.productId })),
        amount: 1,
        paidAt: paidAt.toISOString(),
      }),
      cancelled: { orderId, buyerId, reason: 'CANCELLED_BY_BUYER' as const, cancelledAt: new Date().toISOString() },
    };
  };
  const salesOf = async (productId: string) =>
    (await db.prisma.dailyProductSales.findMany({ where: { productId } })).map((r) => r.units);

  it('When an order is placed, then its lines are held and stock.reserved carries seller, unit price and subtotal', async () => {
    const o = order(2);

    await db.deliver(orderPlaced, o.placed);

    expect(await stockOf(db.prisma, skuId)).toEqual({ stocked: 10, available: 8, reserved: 2, sold: 0 });
    const [event] = await db.prisma.outboxEvent.findMany({ where: { aggregateId: o.orderId } });
    expect(event?.type).toBe('stock.reserved');
    expect(event?.aggregateType).toBe('stock');
    expect(event?.payload).toMatchObject({
      orderId: o.orderId,
      lines: [{ skuId, productId: product.productId, sellerId: product.sellerId, quantity: 2, unitPrice: 100_000 }],
      subtotal: 200_000,
    });
  });

  it('When every event is replayed (same ids), then nothing changes', async () => {
    const o = order(3);
    const ids = [
      await db.deliver(orderPlaced, o.placed),
      await db.deliver(orderPaid, o.paid()),
      await db.deliver(orderCancelled, o.cancelled),
    ];

    await db.deliver(orderPlaced, o.placed, ids[0]);
    await db.deliver(orderPaid, o.paid(), ids[1]);
    await db.deliver(orderCancelled, o.cancelled, ids[2]);

    expect(await stockOf(db.prisma, skuId)).toEqual({ stocked: 10, available: 10, reserved: 0, sold: 0 });
    expect(await outboxTypes(db.prisma, o.orderId)).toEqual(['stock.reserved']);
  });

  it('When the same order.placed arrives again under a new event id, then nothing more is held', async () => {
    const o = order(2);
    await db.deliver(orderPlaced, o.placed);

    await db.deliver(orderPlaced, o.placed);

    expect(await stockOf(db.prisma, skuId)).toMatchObject({ available: 8, reserved: 2 });
    expect(await outboxTypes(db.prisma, o.orderId)).toEqual(['stock.reserved']);
  });

  it('When order.cancelled arrives twice, then the stock is released once', async () => {
    const o = order(4);
    await db.deliver(orderPlaced, o.placed);

    await db.deliver(orderCancelled, o.cancelled);
    await db.deliver(orderCancelled, o.cancelled);

    expect(await stockOf(db.prisma, skuId)).toEqual({ stocked: 10, available: 10, reserved: 0, sold: 0 });
  });

  it('When order.cancelled overtakes order.placed, then the late order.placed holds nothing', async () => {
    const o = order(2);

    await db.deliver(orderCancelled, o.cancelled);
    await db.deliver(orderPlaced, o.placed);

    expect(await stockOf(db.prisma, skuId)).toEqual({ stocked: 10, available: 10, reserved: 0, sold: 0 });
    expect(await outboxTypes(db.prisma, o.orderId)).toEqual([]);
  });

  it('When an order is paid, then its units are sold and counted once for that day', async () => {
    const o = order(2);
    await db.deliver(orderPlaced, o.placed);

    await db.deliver(orderPaid, o.paid());
    await db.deliver(orderPaid, o.paid());

    expect(await stockOf(db.prisma, skuId)).toEqual({ stocked: 10, available: 8, reserved: 0, sold: 2 });
    expect(await salesOf(product.productId)).toEqual([2]);
    expect((await db.prisma.product.findUniqueOrThrow({ where: { id: product.productId } })).unitsSold).toBe(2);
  });

  it('When a paid order is cancelled (refund), then the units return to the shelf and leave the ranking', async () => {
    const o = order(2);
    await db.deliver(orderPlaced, o.placed);
    await db.deliver(orderPaid, o.paid());

    await db.deliver(orderCancelled, o.cancelled);

    expect(await stockOf(db.prisma, skuId)).toEqual({ stocked: 10, available: 10, reserved: 0, sold: 0 });
    expect(await salesOf(product.productId)).toEqual([0]);
  });

  it('When one line cannot be had, then no line of the order is held and stock.rejected names it', async () => {
    const other = product.skus[275] as string;
    await db.deliver(orderPlaced, order(1).placed);
    const o = order(0, [
      { skuId: other, quantity: 1 },
      { skuId, quantity: 10 },
    ]);

    await db.deliver(orderPlaced, o.placed);

    expect(await stockOf(db.prisma, other)).toMatchObject({ available: 10, reserved: 0 });
    expect(await stockOf(db.prisma, skuId)).toMatchObject({ available: 9, reserved: 1 });
    const [event] = await db.prisma.outboxEvent.findMany({ where: { aggregateId: o.orderId } });
    expect(event?.payload).toMatchObject({ reason: 'OUT_OF_STOCK', skuId });
  });

  it.each([
    ['UNKNOWN_SKU', async () => randomUUID()],
    ['NOT_ON_SALE', async (db: CatalogDb) => (await seedProduct(db.prisma, { status: 'DRAFT' })).skus[270] as string],
    [
      'NOT_ON_SALE',
      async (db: CatalogDb) => (await seedProduct(db.prisma, { status: 'DISCONTINUED' })).skus[270] as string,
    ],
  ])('When a line is %s, then the order is rejected with that reason', async (reason, skuOf) => {
    const bad = await skuOf(db);
    const o = order(0, [
      { skuId, quantity: 1 },
      { skuId: bad, quantity: 1 },
    ]);

    await db.deliver(orderPlaced, o.placed);

    expect(await stockOf(db.prisma, skuId)).toMatchObject({ available: 10, reserved: 0 });
    const [event] = await db.prisma.outboxEvent.findMany({ where: { aggregateId: o.orderId } });
    expect(event).toMatchObject({ type: 'stock.rejected', payload: expect.objectContaining({ reason, skuId: bad }) });
  });
});
