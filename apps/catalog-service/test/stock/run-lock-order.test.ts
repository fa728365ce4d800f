import { orderCancelled, orderPaid, orderPlaced } from '@sneakers/contracts';
import type { EventContract } from '@sneakers/kit';
import { type CatalogDb, startCatalogDb } from '../support/catalog-db';
import { placedOrder, reservedMismatches, seedProduct, stockInvariantViolations } from '../support/seed';

// Under a drop, one fetch hands the consumer a run of order.placed, order.paid and order.cancelled
// events of many orders, applied in one transaction; other partitions' runs commit beside it. Runs
// over SKUs of one product must queue on each other's row locks, never deadlock (40P01), whatever
// the order of their events.
describe('Runs of order events over overlapping SKUs, in racing transactions', () => {
  let db: CatalogDb;

  beforeAll(async () => {
    db = await startCatalogDb();
  });
  afterAll(() => db.close());

  const shuffled = <T>(items: T[]) =>
    items
      .map((item) => ({ item, key: Math.random() }))
      .sort((a, b) => a.key - b.key)
      .map(({ item }) => item);

  it('When runs mixing placements, payments and cancellations race with single events over 4 SKUs of one product, round after round, then none deadlocks and stock and sales add up', async () => {
    const { productId, skus } = await seedProduct(db.prisma, { sizes: [250, 260, 270, 280], stock: 10_000 });
    const skuIds = Object.values(skus) as string[];
    const pick = () => skuIds[Math.floor(Math.random() * skuIds.length)] as string;
    const paidUnits: number[] = [];

    for (let round = 0; round < 10; round++) {
      // Orders reserved earlier, to be paid or cancelled inside the racing runs.
      const reserved = Array.from({ length: 64 }, () =>
        placedOrder([
          { skuId: pick(), quantity: 1 },
          { skuId: pick(), quantity: 2 },
        ]),
      ).map((order) => ({ ...order, lines: dedupe(order.lines) }));
      await db.deliverBatch(
        orderPlaced,
        reserved.map((payload) => ({ payload })),
      );

      const events: Array<{ contract: EventContract; payload: unknown }> = [
        ...reserved.slice(0, 40).map((order) => {
          paidUnits.push(order.lines.reduce((sum, line) => sum + line.quantity, 0));
          return {
            contract: orderPaid,
            payload: {
              orderId: order.orderId,
              buyerId: order.buyerId,
              lines: order.lines.map((line) => ({ ...line, productId })),
              amount: 100_000,
              paidAt: new Date().toISOString(),
            },
          };
        }),
        ...reserved.slice(40).map((order) => ({
          contract: orderCancelled,
          payload: {
            orderId: order.orderId,
            buyerId: order.buyerId,
            reason: 'CANCELLED_BY_BUYER',
            cancelledAt: new Date().toISOString(),
          },
        })),
        ...Array.from({ length: 32 }, () => ({
          contract: orderPlaced,
          payload: placedOrder([{ skuId: pick(), quantity: 1 }]),
        })),
      ];
      // Runs of 8 beside single events, which the consumer applies on their own (no run lock).
      const runs = chunks(shuffled(events), [8, 1, 1, 8, 1, 1]);

      const failures = (
        await Promise.allSettled(
          runs.map((run) =>
            run.length === 1 && run[0] ? db.deliver(run[0].contract, run[0].payload as never) : db.deliverRun(run),
          ),
        )
      ).filter((outcome) => outcome.status === 'rejected');

      expect(failures.map((failure) => String((failure as PromiseRejectedResult).reason))).toEqual([]);
    }

    expect(await stockInvariantViolations(db.prisma)).toEqual([]);
    expect(await reservedMismatches(db.prisma)).toEqual([]);
    const sold = await db.prisma.sku.aggregate({ where: { productId }, _sum: { sold: true } });
    const product = await db.prisma.product.findUniqueOrThrow({ where: { id: productId } });
    const daily = await db.prisma.dailyProductSales.aggregate({ where: { productId }, _sum: { units: true } });
    const expected = paidUnits.reduce((a, b) => a + b, 0);
    expect({ sold: sold._sum.sold, unitsSold: product.unitsSold, daily: daily._sum.units }).toEqual({
      sold: expected,
      unitsSold: expected,
      daily: expected,
    });
  });

  it('When runs of placements alone race payments over the same SKUs, round after round, then none deadlocks and stock adds up', async () => {
    const { productId, skus } = await seedProduct(db.prisma, { sizes: [250, 260, 270, 280], stock: 100_000 });
    const skuIds = Object.values(skus) as string[];
    // Two different SKUs in a random order, so consecutive placements ask for them out of id order.
    const twoSkus = () => {
      const first = Math.floor(Math.random() * skuIds.length);
      const second = (first + 1 + Math.floor(Math.random() * (skuIds.length - 1))) % skuIds.length;
      return [first, second].map((i) => ({ skuId: skuIds[i] as string, quantity: 1 }));
    };

    for (let round = 0; round < 5; round++) {
      const reserved = Array.from({ length: 24 }, () => placedOrder(twoSkus()));
      await db.deliverBatch(
        orderPlaced,
        reserved.map((payload) => ({ payload })),
      );
      const placementRuns = Array.from({ length: 6 }, () =>
        db.deliverRun(Array.from({ length: 8 }, () => ({ contract: orderPlaced, payload: placedOrder(twoSkus()) }))),
      );
      const payments = reserved.map((order) =>
        db.deliver(orderPaid, {
          orderId: order.orderId,
          buyerId: order.buyerId,
          lines: order.lines.map((line) => ({ ...line, productId })),
          amount: 100_000,
          paidAt: new Date().toISOString(),
        }),
      );

      const failures = (await Promise.allSettled([...placementRuns, ...payments])).filter(
        (outcome) => outcome.status === 'rejected',
      );

      expect(failures.map((failure) => String((failure as PromiseRejectedResult).reason))).toEqual([]);
    }

    expect(await stockInvariantViolations(db.prisma)).toEqual([]);
    expect(await reservedMismatches(db.prisma)).toEqual([]);
  });
});

function dedupe(lines: Array<{ skuId: string; quantity: number }>) {
  const bySku = new Map<string, number>();
  for (const { skuId, quantity } of lines) bySku.set(skuId, (bySku.get(skuId) ?? 0) + quantity);
  return [...bySku].map(([skuId, quantity]) => ({ skuId, quantity }));
}

/** Consecutive slices of `items`, their sizes taken from `sizes` in turn. */
function chunks<T>(items: T[], sizes: number[]): T[][] {
  const slices: T[][] = [];
  for (let at = 0, i = 0; at < items.length; at += sizes[i % sizes.length] as number, i++)
    slices.push(items.slice(at, at + (sizes[i % sizes.length] as number)));
  return slices;
}
