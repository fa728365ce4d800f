import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { eventually } from '@sneakers/kit/testing';
import request from 'supertest';
import { buyerWithBalance, type Platform, placeAndSettle, sneakerOnSale, startPlatform } from './support/platform';

// A payment answered 201 always ends in PAID, however close to the deadline it came, and a refused
// one charges nothing: payment-service owns the deadline, order-service's expiry job (racing every
// 50 ms here) expires only after a grace. Five services as processes, Kafka of this test's own.
const KAFKA_PORT = 19952;
const PORTS = { user: 3621, catalog: 3622, coupon: 3623, order: 3624, payment: 3625 } as const;
const PAYMENT_WINDOW_MS = 4_000;
const GRACE_MS = 2_000;
const OFFSETS_MS = [-50, -5, 5]; // when each payment is sent, relative to the order's deadline
const ORDERS_PER_OFFSET = 3;
const PRICE = 100_000;

describe('Payments at the deadline, with the expiry job racing', () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await startPlatform({
      kafkaPort: KAFKA_PORT,
      ports: PORTS,
      env: {
        order: {
          ORDER_PAYMENT_WINDOW_MS: String(PAYMENT_WINDOW_MS),
          ORDER_EXPIRY_INTERVAL_MS: '50',
          ORDER_EXPIRY_GRACE_MS: String(GRACE_MS),
        },
      },
    });
  }, 240_000);

  afterAll(async () => {
    await platform?.stop();
  }, 120_000);

  it('When buyers pay 50 ms and 5 ms before and 5 ms after the deadline, then every 201 ends PAID and every refusal charged nothing', async () => {
    const gateway = platform.server;
    const count = OFFSETS_MS.length * ORDERS_PER_OFFSET;
    const { skuId } = await sneakerOnSale(platform, PRICE, [{ sizeMm: 270, stock: count }]);
    const buyers = await Promise.all(Array.from({ length: count }, () => buyerWithBalance(platform, PRICE)));
    const orders = await Promise.all(
      buyers.map((buyer) => placeAndSettle(platform, buyer, { lines: [{ skuId, quantity: 1 }] })),
    );
    expect(orders.map((o) => o.status)).toEqual(orders.map(() => 'AWAITING_PAYMENT'));

    const payments = await Promise.all(
      orders.map(async (order, i) => {
        const buyer = buyers[i] as string;
        const offset = OFFSETS_MS[i % OFFSETS_MS.length] as number;
        await sleep(Date.parse(order.paymentDeadline as string) + offset - Date.now());
        const res = await request(gateway)
          .post(`/orders/${order.id}/payment`)
          .set('authorization', buyer)
          .set('idempotency-key', randomUUID());
        return { orderId: order.id, buyer, offset, status: res.status };
      }),
    );

    // Past the deadline and its grace every order has settled for good.
    await sleep(PAYMENT_WINDOW_MS + GRACE_MS + 500);
    const outcomes = await Promise.all(
      payments.map(async ({ orderId, buyer, offset, status }) => {
        const order = await eventually(
          `order ${orderId} to settle`,
          async () => (await request(gateway).get(`/orders/${orderId}`).set('authorization', buyer)).body,
          (o) => o.status !== 'AWAITING_PAYMENT',
          { timeoutMs: 20_000 },
        );
        const wallet = (await request(gateway).get('/wallet').set('authorization', buyer)).body;
        const entries = (await request(gateway).get('/wallet/transactions').set('authorization', buyer)).body.items;
        return {
          offset,
          answer: status,
          order: order.status,
          balance: wallet.balance,
          entries: entries.map((e: { type: string }) => e.type).sort(),
        };
      }),
    );

    const expected = outcomes.map(({ offset, answer }) =>
      answer === 201
        ? { offset, answer, order: 'PAID', balance: 0, entries: ['CHARGE', 'PAYMENT'] }
        : { offset, answer, order: 'EXPIRED', balance: PRICE, entries: ['CHARGE'] },
    );
    expect(outcomes).toEqual(expected);
    // A payment sent after the deadline is refused; some sent before it were in time (so the race ran).
    expect(outcomes.filter((o) => o.offset > 0).map((o) => o.answer)).toEqual([409, 409, 409]);
    expect(outcomes.filter((o) => o.offset < 0 && o.answer === 201).length).toBeGreaterThan(0);
  }, 120_000);
});
