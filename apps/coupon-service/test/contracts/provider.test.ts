import { randomUUID } from 'node:crypto';
import {
  couponRejected,
  couponReserved,
  findContractBreaks,
  loadConsumerContracts,
  orderPlaced,
  type ProducedSamples,
} from '@sneakers/contracts';
import { applyOnce } from '@sneakers/kit';
import { envelopeOf } from '@sneakers/kit/testing';
import request from 'supertest';
import { reactions } from '../../src/reactions';
import { type CouponApp, createPolicy, policyTerms, startCouponApp } from '../support/coupon-app';

const reserveCoupon = reactions.find((r) => r.contract.type === orderPlaced.type);

describe("coupon-service against its consumers' contracts", () => {
  let app: CouponApp;
  let produced: ProducedSamples;

  // A buyer claims a coupon and orders with it twice: the first order holds it, the second is refused.
  beforeAll(async () => {
    app = await startCouponApp();
    const seller = await app.caller('SELLER', 'APPROVED');
    const buyer = await app.caller('BUYER');
    const policyId = await createPolicy(app, seller, policyTerms(new Date(), { validDays: 7 }));
    const claim = await request(app.server)
      .post(`/coupon-policies/${policyId}/claims`)
      .set('Authorization', buyer.authorization);
    for (let i = 0; i < 2; i += 1) {
      const orderId = randomUUID();
      const placed = envelopeOf(orderPlaced, orderId, {
        orderId,
        buyerId: buyer.userId,
        lines: [{ skuId: randomUUID(), quantity: 1 }],
        userCouponId: claim.body.id,
        placedAt: new Date().toISOString(),
      });
      if (!reserveCoupon) throw new Error('coupon-service no longer reacts to order.placed');
      await applyOnce(app.runInTransaction, 'coupon-service', reserveCoupon, placed);
    }
    const mine = await request(app.server).get('/coupons/me').set('Authorization', buyer.authorization);
    const claimable = await request(app.server).get('/coupon-policies');
    produced = {
      events: await app.prisma.outboxEvent.findMany(),
      responses: [
        { route: 'POST /coupon-policies/{policyId}/claims', status: claim.status, body: claim.body },
        { route: 'GET /coupons/me', status: mine.status, body: mine.body },
        { route: 'GET /coupon-policies', status: claimable.status, body: claimable.body },
      ],
    };
  });
  afterAll(() => app.close());

  it('When every consumer reads what it declared, then coupon-service still produces each field with its type', () => {
    const contracts = loadConsumerContracts('coupon-service');
    const provider = { name: 'coupon-service', events: [couponReserved, couponRejected] } as const;

    expect(contracts.map((c) => c.consumer)).toContain('order-service');
    expect(findContractBreaks(provider, contracts, produced)).toEqual([]);
  });
});
