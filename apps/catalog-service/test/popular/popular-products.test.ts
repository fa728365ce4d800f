import { randomUUID } from 'node:crypto';
import { orderCancelled, orderPaid, orderPlaced } from '@sneakers/contracts';
import { eventually, testEnv } from '@sneakers/kit/testing';
import request from 'supertest';
import { type CatalogApp, startCatalogApp } from '../support/catalog-app';
import { seedProduct } from '../support/seed';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

// Sales days are Seoul days (UTC+9): 2026-11-20T15:00Z is midnight starting the 21st in Seoul.
const kst = (local: string) => new Date(`${local}+09:00`);

describe('The popular top 5 (last 3 sales days, Asia/Seoul)', () => {
  let app: CatalogApp;
  let proxy: TcpProxy;
  let now = kst('2026-11-23T10:00:00');

  beforeAll(async () => {
    const redis = new URL(testEnv.redisUrl);
    proxy = await startTcpProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
    app = await startCatalogApp({ redisUrl: `redis://127.0.0.1:${proxy.port}`, now: () => now });
  });
  afterAll(async () => {
    await app.close();
    await proxy.close();
  });

  /** A product that sold `units` on each of `paidAt` (one paid order per entry). */
  async function sold(paidAt: Date[], units = 1, productId?: string) {
    const product = productId
      ? { productId, skuId: (await app.prisma.sku.findFirstOrThrow({ where: { productId } })).id }
      : await seedProduct(app.prisma, { stock: 100 }).then((p) => ({
          productId: p.productId,
          skuId: p.skus[270] as string,
        }));
    const orders: string[] = [];
    for (const at of paidAt) {
      const orderId = randomUUID();
      const buyerId = randomUUID();
      const lines = [{ skuId: product.skuId, quantity: units }];
      await app.deliver(orderPlaced, { orderId, buyerId, lines, placedAt: at.toISOString() });
      await app.deliver(orderPaid, {
        orderId,
        buyerId,
        lines: lines.map((l) => ({ ...l, productId: product.productId })),
        amount: 1,
        paidAt: at.toISOString(),
      });
      orders.push(orderId);
    }
    return { ...product, orders };
  }
  const top = async () => {
    const response = await request(app.server).get('/products/popular');
    expect(response.status).toBe(200);
    return (response.body.items as Array<{ rank: number; unitsSold: number; product: { id: string } }>).map((i) => [
      i.product.id,
      i.unitsSold,
    ]);
  };

  it('When nothing sold, then the list is empty', async () => {
    expect(await top()).toEqual([]);
  });

  describe('with sales around the window edges', () => {
    let a: string;
    let b: string;
    let c: string;
    let d: string;
    let edge: string;

    beforeAll(async () => {
      // Window on the 23rd (Seoul): the 21st, 22nd, 23rd.
      a = (await sold([kst('2026-11-21T00:00:00'), kst('2026-11-23T09:00:00')], 3)).productId; // 6
      b = (await sold([kst('2026-11-22T12:00:00')], 5)).productId; // 5
      edge = (await sold([kst('2026-11-20T23:59:59')], 9)).productId; // the 20th: outside
      c = (await sold([kst('2026-11-22T01:00:00')], 4)).productId; // 4
      d = (await sold([kst('2026-11-23T02:00:00')], 4)).productId; // 4 (ties with c)
      for (let i = 0; i < 3; i++) await sold([kst('2026-11-22T03:00:00')], 1); // 1 each
    });

    it('When asked on the 23rd, then it counts the 21st–23rd by Seoul days, most first, ties by product id', async () => {
      now = kst('2026-11-23T10:00:00');
      const [first, second] = [c, d].sort().reverse();

      expect(await top()).toEqual([
        [a, 6],
        [b, 5],
        [first, 4],
        [second, 4],
        [expect.any(String), 1],
      ]);
      // Served by the fast path: the three days' sets were built in Redis.
      expect(await app.redis.exists('sales:2026-11-21', 'sales:2026-11-22', 'sales:2026-11-23')).toBe(3);
    });

    it('When the clock passes midnight in Seoul, then the oldest day drops out', async () => {
      now = kst('2026-11-24T00:00:01'); // window: 22nd–24th; a keeps only its 23rd sale
      const ranking = await top();

      expect(ranking.slice(0, 3)).toEqual([[b, 5], expect.any(Array), expect.any(Array)]);
      expect(ranking).toContainEqual([a, 3]);
      expect(ranking.map(([id]) => id)).not.toContain(edge);
    });

    it('When a paid order is refunded, then its units leave the ranking', async () => {
      now = kst('2026-11-23T10:00:00');
      const extra = await sold([kst('2026-11-23T09:30:00')], 10); // 10: first
      expect((await top())[0]).toEqual([extra.productId, 10]);

      await app.deliver(orderCancelled, {
        orderId: extra.orders[0] as string,
        buyerId: randomUUID(),
        reason: 'EXPIRED_AFTER_PAYMENT',
        cancelledAt: new Date().toISOString(),
      });

      expect((await top())[0]).toEqual([a, 6]);
    });

    it('When Redis is down, then the same answer comes from the database; when it is back, Redis is rebuilt', async () => {
      now = kst('2026-11-23T10:00:00');
      const expected = await top();

      await proxy.stop();
      const started = Date.now();
      const whileDown = await top();
      const tookMs = Date.now() - started;
      await proxy.start();
      await eventually(
        'Redis reconnected',
        async () => app.redis.status,
        (status) => status === 'ready',
      );
      await app.redis.del('sales:2026-11-23:built');
      const afterwards = await top();

      expect(whileDown).toEqual(expected);
      expect(tookMs).toBeLessThan(1_000);
      expect(afterwards).toEqual(expected);
      expect(await app.redis.zcard('sales:2026-11-23')).toBeGreaterThan(0);
    });
  });
});
