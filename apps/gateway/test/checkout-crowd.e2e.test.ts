import { randomUUID } from 'node:crypto';
import { withClient } from '@sneakers/kit/prisma-migrate';
import { eventually } from '@sneakers/kit/testing';
import request from 'supertest';
import { buyerWithBalance, type Platform, type ServiceName, sneakerOnSale, startPlatform } from './support/platform';

// 500 buyers check out at once against 40 pairs and wallets that cover one pair for half of them,
// on the real platform (five service processes, a private Kafka broker, PostgreSQL, Redis). Then
// each service's database is read directly and the invariants of docs/architecture.md must hold
// exactly.
const KAFKA_PORT = 19592;
const PORTS = { user: 3401, catalog: 3402, coupon: 3403, order: 3404, payment: 3405 } as const;
const BUYERS = 500;
const SETUP_CONCURRENCY = 20;
const PRICE = 150_000;
const SIZES = [
  { sizeMm: 260, stock: 15 },
  { sizeMm: 270, stock: 15 },
  { sizeMm: 280, stock: 10 },
];
const COUPONS = 50;
/** Tries of one order, each after a 503/504 (a buyer's app retrying); the key makes it one order. */
const PLACE_ATTEMPTS = 4;
const COUPON_DISCOUNT = 10_000;
/** Buyers with an even index can pay one pair (even with no coupon); the others cannot (even with one). */
const balanceOf = (i: number) => (i % 2 === 0 ? PRICE : PRICE - COUPON_DISCOUNT - 1);

async function mapWithConcurrency<T, R>(items: T[], limit: number, work: (item: T, i: number) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i] as T, i);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

interface Buyer {
  index: number;
  authorization: string;
  balance: number;
  userCouponId?: string;
  orderId?: string;
}

describe('Checkout crowd: 500 buyers at once against limited stock and balance', () => {
  let platform: Platform;
  const query = async <Row>(service: ServiceName, sql: string): Promise<Row[]> =>
    (await withClient(platform.databaseUrls[service], (client) => client.query(sql))).rows as Row[];

  beforeAll(async () => {
    platform = await startPlatform({ kafkaPort: KAFKA_PORT, ports: PORTS });
  }, 240_000);

  afterAll(async () => {
    await platform?.stop();
  }, 120_000);

  it('When 500 buyers order and pay concurrently, then every order settles and money, stock and coupon invariants hold exactly', async () => {
    const started = Date.now();
    const gateway = platform.server;
    const { skuIds, seller } = await sneakerOnSale(platform, PRICE, SIZES);
    const now = Date.now();
    const policy = await request(gateway)
      .post('/coupon-policies')
      .set('authorization', seller)
      .send({
        name: 'Crowd 10,000 off',
        discountType: 'FIXED',
        discountValue: COUPON_DISCOUNT,
        minOrderAmount: 0,
        totalQuantity: COUPONS,
        claimStartsAt: new Date(now - 60_000).toISOString(),
        claimEndsAt: new Date(now + 3_600_000).toISOString(),
        validDays: 7,
      })
      .expect(201);

    const buyers: Buyer[] = await mapWithConcurrency(
      Array.from({ length: BUYERS }, (_, i) => i),
      SETUP_CONCURRENCY,
      async (index) => ({
        index,
        balance: balanceOf(index),
        authorization: await buyerWithBalance(platform, balanceOf(index)),
      }),
    );
    const setUpAt = Date.now();

    // Twice as many buyers as coupons try to claim one, all at once: exactly COUPONS succeed.
    const claims = await Promise.all(
      buyers
        .slice(0, 2 * COUPONS)
        .map((buyer) =>
          request(gateway).post(`/coupon-policies/${policy.body.id}/claims`).set('authorization', buyer.authorization),
        ),
    );
    claims.forEach((claim, i) => {
      if (claim.status === 201) (buyers[i] as Buyer).userCouponId = claim.body.id;
    });
    expect(claims.filter((c) => c.status === 201)).toHaveLength(COUPONS);
    expect(claims.every((c) => c.status === 201 || (c.status >= 400 && c.status < 500))).toBe(true);

    // Everyone orders one pair at once. On a small machine the last of them can wait past the
    // gateway's timeout (504) or the service's wait for a connection (503); like a shop's app, a
    // buyer then sends the same order again under the same Idempotency-Key, and gets one order.
    let retries = 0;
    const placed = await Promise.all(
      buyers.map(async (buyer) => {
        const idempotencyKey = randomUUID();
        for (let attempt = 1; ; attempt++) {
          const answer = await request(gateway)
            .post('/orders')
            .set('authorization', buyer.authorization)
            .set('idempotency-key', idempotencyKey)
            .send({
              lines: [{ skuId: skuIds[buyer.index % skuIds.length], quantity: 1 }],
              ...(buyer.userCouponId ? { userCouponId: buyer.userCouponId } : {}),
            });
          if (![503, 504].includes(answer.status) || attempt === PLACE_ATTEMPTS) return answer;
          retries++;
          await new Promise((resolve) => setTimeout(resolve, 1000 * Number(answer.headers['retry-after'] ?? 1)));
        }
      }),
    );
    expect(placed.map((p) => p.status).filter((s) => s !== 202)).toEqual([]);
    placed.forEach((p, i) => {
      (buyers[i] as Buyer).orderId = p.body.id;
    });
    const placedAt = Date.now();

    // Every order leaves PENDING (each GET holds up to 10 s while it is PENDING).
    const settled = await Promise.all(
      buyers.map((buyer) =>
        eventually(
          `order ${buyer.orderId} to leave PENDING`,
          async () =>
            (
              await request(gateway)
                .get(`/orders/${buyer.orderId}`)
                .set('authorization', buyer.authorization)
                .set('prefer', 'wait=10')
            ).body,
          (order) => order.status !== undefined && order.status !== 'PENDING',
          { timeoutMs: 120_000, intervalMs: 250 },
        ),
      ),
    );
    const awaiting = buyers.filter((_, i) => settled[i].status === 'AWAITING_PAYMENT');
    expect(settled.filter((o) => !['AWAITING_PAYMENT', 'CANCELLED'].includes(o.status))).toEqual([]);
    expect(awaiting).toHaveLength(SIZES.reduce((sum, s) => sum + s.stock, 0));
    const settledAt = Date.now();

    // Every buyer holding a pair pays at once; half of them can afford it.
    const payments = await Promise.all(
      awaiting.map((buyer) =>
        request(gateway)
          .post(`/orders/${buyer.orderId}/payment`)
          .set('authorization', buyer.authorization)
          .set('idempotency-key', randomUUID()),
      ),
    );
    const payers = awaiting.filter((_, i) => payments[i]?.status === 201);
    const amountOf = (buyer: Buyer) => PRICE - (buyer.userCouponId ? COUPON_DISCOUNT : 0);
    expect(payers.map((b) => b.index)).toEqual(awaiting.filter((b) => b.balance >= amountOf(b)).map((b) => b.index));
    expect(payments.filter((p) => p.status !== 201).map((p) => p.body.code ?? p.status)).toEqual(
      awaiting.filter((b) => b.balance < amountOf(b)).map(() => 'PAYMENT.INSUFFICIENT_BALANCE'),
    );
    const paidAt = Date.now();

    const violations = async (): Promise<string[]> => {
      const problems: string[] = [];
      const orders = await query<{
        id: string;
        status: string;
        amount: number | null;
        payment_deadline: Date | null;
        user_coupon_id: string | null;
      }>('order', 'SELECT id, status, amount, payment_deadline, user_coupon_id FROM orders');
      const lines = await query<{ order_id: string; sku_id: string; quantity: number }>(
        'order',
        'SELECT order_id, sku_id, quantity FROM order_lines',
      );
      const skus = await query<{ id: string; stocked: number; available: number; reserved: number; sold: number }>(
        'catalog',
        'SELECT id, stocked, available, reserved, sold FROM skus',
      );
      const wallets = await query<{
        user_id: string;
        balance: number;
        charges: number;
        payments: number;
        refunds: number;
      }>(
        'payment',
        `SELECT w.user_id, w.balance,
                coalesce(sum(t.amount) FILTER (WHERE t.type = 'CHARGE'), 0)::int AS charges,
                coalesce(sum(t.amount) FILTER (WHERE t.type = 'PAYMENT'), 0)::int AS payments,
                coalesce(sum(t.amount) FILTER (WHERE t.type = 'REFUND'), 0)::int AS refunds
           FROM wallets w LEFT JOIN wallet_transactions t ON t.user_id = w.user_id
          GROUP BY w.user_id, w.balance`,
      );
      const [completed] = await query<{ n: number; total: number }>(
        'payment',
        "SELECT count(*)::int AS n, coalesce(sum(amount), 0)::int AS total FROM payments WHERE status = 'COMPLETED'",
      );
      const coupons = await query<{ id: string; status: string }>('coupon', 'SELECT id, status FROM user_coupons');
      const [couponPolicy] = await query<{ issued_count: number; total_quantity: number }>(
        'coupon',
        'SELECT issued_count, total_quantity FROM coupon_policies',
      );

      if (orders.length !== BUYERS) problems.push(`${orders.length} orders, expected ${BUYERS}`);
      const statusOf = new Map(orders.map((o) => [o.id, o.status]));
      for (const o of orders) {
        const settledOk = ['PAID', 'CANCELLED', 'EXPIRED'].includes(o.status);
        if (!settledOk && !(o.status === 'AWAITING_PAYMENT' && o.payment_deadline))
          problems.push(`order ${o.id} is ${o.status} (deadline ${o.payment_deadline})`);
      }
      for (const sku of skus) {
        if (sku.stocked !== sku.available + sku.reserved + sku.sold)
          problems.push(`sku ${sku.id}: stocked ${sku.stocked} != ${sku.available}+${sku.reserved}+${sku.sold}`);
        if (sku.available < 0) problems.push(`sku ${sku.id}: available ${sku.available}`);
        const quantityIn = (status: string) =>
          lines
            .filter((l) => l.sku_id === sku.id && statusOf.get(l.order_id) === status)
            .reduce((n, l) => n + l.quantity, 0);
        if (sku.sold !== quantityIn('PAID')) problems.push(`sku ${sku.id}: sold ${sku.sold} != ${quantityIn('PAID')}`);
        if (sku.reserved !== quantityIn('AWAITING_PAYMENT'))
          problems.push(`sku ${sku.id}: reserved ${sku.reserved} != ${quantityIn('AWAITING_PAYMENT')}`);
      }
      if (wallets.length !== BUYERS) problems.push(`${wallets.length} wallets, expected ${BUYERS}`);
      for (const w of wallets) {
        if (w.balance !== w.charges - w.payments + w.refunds)
          problems.push(`wallet ${w.user_id}: ${w.balance} != ${w.charges}-${w.payments}+${w.refunds}`);
        if (w.balance < 0) problems.push(`wallet ${w.user_id}: negative balance ${w.balance}`);
      }
      const paid = orders.filter((o) => o.status === 'PAID');
      const paidTotal = paid.reduce((n, o) => n + (o.amount ?? 0), 0);
      if (paidTotal !== completed?.total || paid.length !== completed?.n)
        problems.push(`PAID orders ${paid.length} / ${paidTotal} != payments ${completed?.n} / ${completed?.total}`);
      if (couponPolicy?.issued_count !== coupons.length || coupons.length > (couponPolicy?.total_quantity ?? 0))
        problems.push(`coupons: issued_count ${couponPolicy?.issued_count}, rows ${coupons.length}`);
      const orderByCoupon = new Map(orders.filter((o) => o.user_coupon_id).map((o) => [o.user_coupon_id, o.status]));
      for (const c of coupons) {
        const orderStatus = orderByCoupon.get(c.id);
        const expected =
          orderStatus === 'PAID' ? 'USED' : orderStatus === 'AWAITING_PAYMENT' ? 'RESERVED' : 'AVAILABLE';
        if (c.status !== expected) problems.push(`coupon ${c.id} is ${c.status}, its order ${orderStatus}`);
      }
      const deliveries = new Map<string, number>();
      for (const d of platform.delivered) deliveries.set(d.orderId, (deliveries.get(d.orderId) ?? 0) + 1);
      for (const o of paid) {
        const n = deliveries.get(o.id) ?? 0;
        if (n !== 1) problems.push(`PAID order ${o.id} delivered ${n} times`);
      }
      for (const orderId of deliveries.keys()) {
        if (statusOf.get(orderId) !== 'PAID') problems.push(`order ${orderId} delivered but ${statusOf.get(orderId)}`);
      }
      return problems;
    };

    const remaining = await eventually('the invariants to hold', violations, (problems) => problems.length === 0, {
      timeoutMs: 60_000,
      intervalMs: 500,
    }).catch(async () => violations());
    expect(remaining).toEqual([]);

    const orders = await query<{ status: string; n: number }>(
      'order',
      'SELECT status, count(*)::int AS n FROM orders GROUP BY status ORDER BY status',
    );
    expect(Object.fromEntries(orders.map((o) => [o.status, o.n]))).toEqual({
      AWAITING_PAYMENT: awaiting.length - payers.length,
      CANCELLED: BUYERS - awaiting.length,
      PAID: payers.length,
    });
    console.log(
      JSON.stringify({
        buyers: BUYERS,
        setUpMs: setUpAt - started,
        placeAllMs: placedAt - setUpAt,
        placeRetries: retries,
        settleAllMs: settledAt - placedAt,
        payAllMs: paidAt - settledAt,
        invariantsMs: Date.now() - paidAt,
        paid: payers.length,
        awaitingUnpaid: awaiting.length - payers.length,
        cancelled: BUYERS - awaiting.length,
      }),
    );
  }, 600_000);
});
