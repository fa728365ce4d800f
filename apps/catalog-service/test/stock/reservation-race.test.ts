import { orderPlaced } from '@sneakers/contracts';
import { type CatalogDb, startCatalogDb } from '../support/catalog-db';
import { placedOrder, reservedMismatches, seedProduct, stockInvariantViolations, stockOf } from '../support/seed';

describe('Reserving stock under real concurrency', () => {
  let db: CatalogDb;

  beforeAll(async () => {
    db = await startCatalogDb();
  });
  afterAll(() => db.close());

  const outcomes = async () => {
    const rows = await db.prisma.outboxEvent.groupBy({ by: ['type'], _count: true });
    return Object.fromEntries(rows.map((row) => [row.type, row._count]));
  };

  it('When 1,000 orders of one unit race for a SKU with 100 in stock, then exactly 100 are reserved and 900 rejected', async () => {
    const { skus } = await seedProduct(db.prisma, { sizes: [270], stock: 100 });
    const skuId = skus[270] as string;

    await Promise.all(
      Array.from({ length: 1_000 }, () => db.deliver(orderPlaced, placedOrder([{ skuId, quantity: 1 }]))),
    );

    expect(await stockOf(db.prisma, skuId)).toEqual({ stocked: 100, available: 0, reserved: 100, sold: 0 });
    expect(await outcomes()).toEqual({ 'stock.reserved': 100, 'stock.rejected': 900 });
    expect(await db.prisma.stockReservation.groupBy({ by: ['status'], _count: true })).toEqual(
      expect.arrayContaining([
        { status: 'RESERVED', _count: 100 },
        { status: 'REJECTED', _count: 900 },
      ]),
    );
    expect(await stockInvariantViolations(db.prisma)).toEqual([]);
    expect(await reservedMismatches(db.prisma)).toEqual([]);
  });

  it('When multi-line orders race over two SKUs in opposite line order, then none is ever partly reserved', async () => {
    const { skus } = await seedProduct(db.prisma, { sizes: [260, 265], stock: 30 });
    const [a, b] = [skus[260] as string, skus[265] as string];
    // 100 orders each wanting one of both (in either order), plus singles that drain a alone.
    const orders = Array.from({ length: 100 }, (_, i) =>
      placedOrder(
        i % 2 === 0
          ? [
              { skuId: a, quantity: 1 },
              { skuId: b, quantity: 1 },
            ]
          : [
              { skuId: b, quantity: 1 },
              { skuId: a, quantity: 1 },
            ],
      ),
    );
    const singles = Array.from({ length: 20 }, () => placedOrder([{ skuId: a, quantity: 1 }]));

    await Promise.all([...orders, ...singles].map((order) => db.deliver(orderPlaced, order)));

    const lineCounts = await db.prisma.$queryRaw<Array<{ lines: number }>>`
      SELECT count(*)::int AS lines FROM stock_reservation_lines l JOIN stock_reservations r USING (order_id)
      WHERE r.status = 'RESERVED' AND r.order_id = ANY(${orders.map((o) => o.orderId)}::uuid[]) GROUP BY r.order_id`;
    expect(lineCounts.every(({ lines }) => lines === 2)).toBe(true);
    const [stockA, stockB] = [await stockOf(db.prisma, a), await stockOf(db.prisma, b)];
    // Every unit of a went somewhere; b lost exactly one per paired order that won.
    expect(stockA.available).toBe(0);
    expect(stockB.reserved).toBe(lineCounts.length);
    expect(stockA.reserved).toBe(30);
    expect(await stockInvariantViolations(db.prisma)).toEqual([]);
    expect(await reservedMismatches(db.prisma)).toEqual([]);
  });
});
