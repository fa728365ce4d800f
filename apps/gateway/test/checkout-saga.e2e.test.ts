import { randomUUID } from 'node:crypto';
import { eventually } from '@sneakers/kit/testing';
import request from 'supertest';
import {
  buyerWithBalance,
  placeAndSettle,
  type Shop,
  sneakerOnSale,
  startEmbeddedShop,
  startPlatform,
} from './support/platform';

// The whole checkout choreography, twice: as in production (five services as separate processes,
// each with its own database, talking only through a Kafka broker of this test's own, behind an
// in-process gateway; nothing faked, see support/platform.ts), and as `npm start` runs it with
// nothing configured (one process, PGlite per service, the in-process bus, in-memory stand-ins for
// Redis). The same scenarios pass on both, so the embedded mode behaves as production does.
const KAFKA_PORT = 19492;
const PORTS = { user: 3301, catalog: 3302, coupon: 3303, order: 3304, payment: 3305 } as const;
const EMBEDDED_GATEWAY_PORT = 3550;

describe.each([
  ['real Kafka, PostgreSQL, Redis', () => startPlatform({ kafkaPort: KAFKA_PORT, ports: PORTS })],
  ['embedded adapters', () => startEmbeddedShop({ gatewayPort: EMBEDDED_GATEWAY_PORT })],
])('Checkout across all services (%s)', (_adapters, start: () => Promise<Shop>) => {
  let platform: Shop;
  let gateway: Shop['gateway'];

  beforeAll(async () => {
    platform = await start();
    gateway = platform.gateway;
  }, 240_000);

  afterAll(async () => {
    await platform?.stop();
  }, 120_000);

  it('When a buyer orders and pays, then the order is PAID, the stock sold, the money moved, and the data platform got it once', async () => {
    const { productId, skuId } = await sneakerOnSale(platform, 189_000);
    const buyer = await buyerWithBalance(platform, 500_000);

    const placed = await placeAndSettle(platform, buyer, { lines: [{ skuId, quantity: 1 }] });
    expect(placed).toMatchObject({ status: 'AWAITING_PAYMENT', subtotal: 189_000, discount: 0, amount: 189_000 });
    const orderId: string = placed.id;

    await request(gateway)
      .post(`/orders/${orderId}/payment`)
      .set('authorization', buyer)
      .set('idempotency-key', randomUUID())
      .expect(201);

    await eventually(
      'the order PAID',
      async () => (await request(gateway).get(`/orders/${orderId}`).set('authorization', buyer)).body.status,
      (status) => status === 'PAID',
      { timeoutMs: 30_000 },
    );
    expect((await request(gateway).get('/wallet').set('authorization', buyer)).body.balance).toBe(311_000);
    const sizes = (await request(gateway).get(`/products/${productId}`)).body.sizes;
    expect(sizes[0]).toMatchObject({ skuId, available: 2 });
    await eventually(
      'delivery to the data platform',
      async () => platform.delivered.filter((d) => d.orderId === orderId).length,
      (n) => n >= 1,
      {
        timeoutMs: 30_000,
      },
    );
    const timeline = await request(gateway).get(`/orders/${orderId}/timeline`).set('authorization', buyer);
    expect(timeline.status).toBe(200);
  }, 120_000);

  it('When a buyer orders more than is in stock, then the order is CANCELLED as OUT_OF_STOCK and no money moves', async () => {
    const { skuId } = await sneakerOnSale(platform, 99_000);
    const buyer = await buyerWithBalance(platform, 500_000);

    const placed = await placeAndSettle(platform, buyer, { lines: [{ skuId, quantity: 5 }] });

    expect(placed).toMatchObject({ status: 'CANCELLED', cancelReason: 'OUT_OF_STOCK' });
    const pay = await request(gateway).post(`/orders/${placed.id}/payment`).set('authorization', buyer);
    expect(pay.status).toBe(409);
    expect((await request(gateway).get('/wallet').set('authorization', buyer)).body.balance).toBe(500_000);
  }, 120_000);

  it('When a buyer pays with a claimed 10% coupon capped at 15,000, then the discount applies and the coupon is USED', async () => {
    const { skuId, seller } = await sneakerOnSale(platform, 189_000);
    const now = Date.now();
    const policy = await request(gateway)
      .post('/coupon-policies')
      .set('authorization', seller)
      .send({
        name: 'Drop day 10%',
        discountType: 'PERCENT',
        discountValue: 10,
        maxDiscount: 15_000,
        minOrderAmount: 100_000,
        totalQuantity: 10,
        claimStartsAt: new Date(now - 60_000).toISOString(),
        claimEndsAt: new Date(now + 3_600_000).toISOString(),
        validDays: 7,
      })
      .expect(201);
    const buyer = await buyerWithBalance(platform, 500_000);
    const coupon = await request(gateway)
      .post(`/coupon-policies/${policy.body.id}/claims`)
      .set('authorization', buyer)
      .expect(201);

    const placed = await placeAndSettle(platform, buyer, {
      lines: [{ skuId, quantity: 1 }],
      userCouponId: coupon.body.id,
    });
    expect(placed).toMatchObject({ status: 'AWAITING_PAYMENT', subtotal: 189_000, discount: 15_000, amount: 174_000 });

    await request(gateway).post(`/orders/${placed.id}/payment`).set('authorization', buyer).expect(201);

    await eventually(
      'the coupon USED',
      async () => (await request(gateway).get('/coupons/me').set('authorization', buyer)).body.items?.[0]?.status,
      (status) => status === 'USED',
      { timeoutMs: 30_000 },
    );
    expect((await request(gateway).get('/wallet').set('authorization', buyer)).body.balance).toBe(326_000);
  }, 120_000);
});
