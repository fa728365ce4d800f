import { randomUUID } from 'node:crypto';
import { orderCancelled, orderPlaced } from '@sneakers/contracts';
import { type CatalogDb, startCatalogDb } from '../support/catalog-db';
import {
  outboxTypes,
  placedOrder,
  reservedMismatches,
  seedProduct,
  stockInvariantViolations,
  stockOf,
} from '../support/seed';

// A crowd's order.placed events reach the consumer as a backlog, and a run of them from one fetch
// is reserved in one transaction. Same rules as one at a time: all lines or none, first come first
// served, every event once.
describe('Reserving stock for a batch of orders in one transaction', () => {
  let db: CatalogDb;

  beforeAll(async () => {
    db = await startCatalogDb();
  });
  afterAll(() => db.close());

  const statusOf = async (orderId: string) =>
    (await db.prisma.stockReservation.findUnique({ where: { orderId } }))?.status;

  it('When 1,000 orders for a SKU with 100 in stock arrive as 10 racing batches, then exactly 100 are reserved, each batch first come first served', async () => {
    const { skus } = await seedProduct(db.prisma, { sizes: [270], stock: 100 });
    const skuId = skus[270] as string;
    const batches = Array.from({ length: 10 }, () =>
      Array.from({ length: 100 }, () => ({ payload: placedOrder([{ skuId, quantity: 1 }]) })),
    );

    await Promise.all(batches.map((batch) => db.deliverBatch(orderPlaced, batch)));

    expect(await stockOf(db.prisma, skuId)).toEqual({ stocked: 100, available: 0, reserved: 100, sold: 0 });
    const statuses = await Promise.all(
      batches.map((batch) => Promise.all(batch.map((e) => statusOf(e.payload.orderId)))),
    );
    expect(statuses.flat().filter((s) => s === 'RESERVED')).toHaveLength(100);
    expect(statuses.flat().filter((s) => s === 'REJECTED')).toHaveLength(900);
    for (const batch of statuses) {
      const firstRejected = batch.indexOf('REJECTED');
      // Within a batch, nobody behind a refused order got the unit it was refused.
      if (firstRejected >= 0) expect(batch.slice(firstRejected).every((s) => s === 'REJECTED')).toBe(true);
    }
    expect(await stockInvariantViolations(db.prisma)).toEqual([]);
    expect(await reservedMismatches(db.prisma)).toEqual([]);
  });

  it('When one batch mixes a partly short order, an unknown size, a discontinued product, a duplicate and an order cancelled first, then each gets its own answer', async () => {
    const { skus } = await seedProduct(db.prisma, { sizes: [260, 265], stock: 2 });
    const [a, b] = [skus[260] as string, skus[265] as string];
    const retired = await seedProduct(db.prisma, { sizes: [270], stock: 5, status: 'DISCONTINUED' });
    const retiredSku = retired.skus[270] as string;

    const wantsTooMuch = placedOrder([
      { skuId: a, quantity: 1 },
      { skuId: b, quantity: 3 },
    ]);
    const takesA = placedOrder([{ skuId: a, quantity: 2 }]);
    const unknown = placedOrder([{ skuId: randomUUID(), quantity: 1 }]);
    const notOnSale = placedOrder([{ skuId: retiredSku, quantity: 1 }]);
    const cancelledFirst = placedOrder([{ skuId: b, quantity: 1 }]);
    const sameEventTwice = { payload: placedOrder([{ skuId: b, quantity: 1 }]), eventId: randomUUID() };
    await db.deliver(orderCancelled, {
      orderId: cancelledFirst.orderId,
      buyerId: cancelledFirst.buyerId,
      reason: 'CANCELLED_BY_BUYER',
      cancelledAt: new Date().toISOString(),
    });

    const outcomes = await db.deliverBatch(orderPlaced, [
      { payload: wantsTooMuch },
      { payload: takesA },
      { payload: unknown },
      { payload: notOnSale },
      { payload: cancelledFirst },
      sameEventTwice,
      sameEventTwice,
    ]);

    expect(outcomes).toEqual(['applied', 'applied', 'applied', 'applied', 'applied', 'applied', 'duplicate']);
    expect(await statusOf(wantsTooMuch.orderId)).toBe('REJECTED');
    expect(await statusOf(takesA.orderId)).toBe('RESERVED');
    expect(await statusOf(sameEventTwice.payload.orderId)).toBe('RESERVED');
    expect(await stockOf(db.prisma, a)).toEqual({ stocked: 2, available: 0, reserved: 2, sold: 0 });
    expect(await stockOf(db.prisma, b)).toEqual({ stocked: 2, available: 1, reserved: 1, sold: 0 });
    expect(await stockOf(db.prisma, retiredSku)).toEqual({ stocked: 5, available: 5, reserved: 0, sold: 0 });
    const rejections = await db.prisma.outboxEvent.findMany({
      where: { type: 'stock.rejected' },
      select: { payload: true },
    });
    expect(rejections.map((r) => r.payload)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ orderId: wantsTooMuch.orderId, reason: 'OUT_OF_STOCK', skuId: b }),
        expect.objectContaining({ orderId: unknown.orderId, reason: 'UNKNOWN_SKU' }),
        expect.objectContaining({ orderId: notOnSale.orderId, reason: 'NOT_ON_SALE', skuId: retiredSku }),
      ]),
    );
    expect(await outboxTypes(db.prisma, cancelledFirst.orderId)).toEqual([]);
    expect(await outboxTypes(db.prisma, sameEventTwice.payload.orderId)).toEqual(['stock.reserved']);
    expect(await stockInvariantViolations(db.prisma)).toEqual([]);
    expect(await reservedMismatches(db.prisma)).toEqual([]);
  });

  it('When a whole batch is delivered again, then nothing changes', async () => {
    const { skus } = await seedProduct(db.prisma, { sizes: [280], stock: 10 });
    const skuId = skus[280] as string;
    const batch = Array.from({ length: 20 }, () => ({
      payload: placedOrder([{ skuId, quantity: 1 }]),
      eventId: randomUUID(),
    }));

    await db.deliverBatch(orderPlaced, batch);
    const again = await db.deliverBatch(orderPlaced, batch);

    expect(again.every((outcome) => outcome === 'duplicate')).toBe(true);
    expect(await stockOf(db.prisma, skuId)).toEqual({ stocked: 10, available: 0, reserved: 10, sold: 0 });
    expect(
      await db.prisma.outboxEvent.count({ where: { aggregateId: { in: batch.map((e) => e.payload.orderId) } } }),
    ).toBe(20);
  });
});
