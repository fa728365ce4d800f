import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import type { Shop } from '../../support/platform';

export interface LoadPlan {
  /** Each buyer's authorization header; each runs its checkouts one after another. */
  buyers: string[];
  skuIds: string[];
  /** Each buyer claims one coupon of it, at a random moment of the first `claimWithinMs`, for its next order. */
  couponPolicyId: string;
  claimWithinMs: number;
  /** Asked before each new checkout, with what happened so far: false ends that buyer's run. */
  keepGoing: (soFar: LoadReport) => boolean;
  /** How long one step (claim, place, settle, pay) keeps trying before the checkout is given up. */
  stepTimeoutMs: number;
}

export interface LoadReport {
  /** Checkouts begun. */
  checkouts: number;
  /** When each payment was answered 201: a checkout done. */
  paidAt: number[];
  /** Every answer by step and status (e.g. `pay 201`, `place 503`, `settle error`). */
  answers: Record<string, number>;
}

type Answer = { status: number; body: { id?: string; status?: string; code?: string } };

// The platform is down or not there yet, not refusing: a buyer's app tries again, with the same
// Idempotency-Key where the step has one. ORDER_NOT_PAYABLE: payment-service has not yet read the
// order.awaiting-payment the buyer already saw.
const tryAgain = ({ status, body }: Answer) =>
  [502, 503, 504].includes(status) || body.code === 'PAYMENT.ORDER_NOT_PAYABLE';

/**
 * Buyers checking out through the gateway, each in a loop: claim a coupon (once), place an order (with the coupon if it got one), wait for it to leave PENDING, pay. What the
 * platform answers is counted; the invariants are checked afterwards in the databases.
 */
export async function runCheckouts(shop: Shop, plan: LoadPlan): Promise<LoadReport> {
  const report: LoadReport = { checkouts: 0, paidAt: [], answers: {} };
  const gateway = shop.server;

  const attempt = async (step: string, send: () => Promise<Answer>): Promise<Answer | undefined> => {
    const deadline = Date.now() + plan.stepTimeoutMs;
    for (;;) {
      const answer = await send().catch(() => undefined);
      const key = `${step} ${answer?.status ?? 'error'}`;
      report.answers[key] = (report.answers[key] ?? 0) + 1;
      if (answer && !tryAgain(answer)) return answer;
      if (Date.now() > deadline) return undefined;
      await sleep(250);
    }
  };

  const checkOut = async (buyer: string, skuId: string, userCouponId: string | undefined) => {
    report.checkouts++;
    const placeKey = randomUUID();
    const placed = await attempt('place', () =>
      request(gateway)
        .post('/orders')
        .set('authorization', buyer)
        .set('idempotency-key', placeKey)
        .set('prefer', 'wait=5')
        .send({ lines: [{ skuId, quantity: 1 }], ...(userCouponId ? { userCouponId } : {}) }),
    );
    if (placed?.status !== 202 || !placed.body.id) return;
    const orderId = placed.body.id;
    let status = placed.body.status;
    const deadline = Date.now() + plan.stepTimeoutMs;
    while (status === 'PENDING' && Date.now() < deadline) {
      const read = await attempt('settle', () =>
        request(gateway).get(`/orders/${orderId}`).set('authorization', buyer).set('prefer', 'wait=5'),
      );
      status = read?.body.status;
    }
    if (status !== 'AWAITING_PAYMENT') return;
    const payKey = randomUUID();
    const paid = await attempt('pay', () =>
      request(gateway).post(`/orders/${orderId}/payment`).set('authorization', buyer).set('idempotency-key', payKey),
    );
    if (paid?.status === 201) report.paidAt.push(Date.now());
  };

  const claim = async (buyer: string) => {
    const claimKey = randomUUID();
    const claimed = await attempt('claim', () =>
      request(gateway)
        .post(`/coupon-policies/${plan.couponPolicyId}/claims`)
        .set('authorization', buyer)
        .set('idempotency-key', claimKey),
    );
    return claimed?.status === 201 ? claimed.body.id : undefined;
  };

  const buyerRun = async (buyer: string, index: number) => {
    const claimAt = Date.now() + Math.random() * plan.claimWithinMs;
    let claimed = false;
    for (let n = index; plan.keepGoing(report); n++) {
      let userCouponId: string | undefined;
      if (!claimed && Date.now() >= claimAt) {
        claimed = true;
        userCouponId = await claim(buyer);
      }
      await checkOut(buyer, plan.skuIds[n % plan.skuIds.length] as string, userCouponId);
      await sleep(200 + Math.random() * 300); // a buyer's think time, so the crowd spreads out
    }
  };

  await Promise.all(plan.buyers.map(buyerRun));
  return report;
}
