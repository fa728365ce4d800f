import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ledgerDisagreements } from '../support/ledger';
import { anOrder, awaitingPayment, cancelled, deliver, deliverRun, type TestOrder } from '../support/order-events';
import { type Caller, type PaymentApp, startPaymentApp } from '../support/payment-app';

// Buyers cancel paid orders (each refund credits a wallet) and the cancellations of several
// partitions reach the consumer as runs applied in one transaction each. Two runs that refund the
// same two buyers in opposite orders must queue on the wallets' row locks, never deadlock.
describe('Runs of refunds over the same wallets, in racing transactions', () => {
  let app: PaymentApp;

  beforeAll(async () => {
    app = await startPaymentApp({ WALLET_MAX_CHARGE: '1000000', WALLET_BALANCE_CAP: '10000000' });
  });
  afterAll(() => app.close());

  async function paidOrders(buyer: Caller, count: number): Promise<TestOrder[]> {
    const orders = Array.from({ length: count }, () => anOrder(buyer.userId, 1_000));
    for (const order of orders) {
      await deliver(app, awaitingPayment(order));
      const paid = await request(app.server)
        .post(`/orders/${order.orderId}/payment`)
        .set('Authorization', buyer.authorization)
        .set('Idempotency-Key', randomUUID());
      expect(paid.status).toBe(201);
    }
    return orders;
  }

  it('When runs refund the same buyers in opposite orders, round after round, then none deadlocks and every wallet adds up', async () => {
    const buyers = [await app.caller('BUYER'), await app.caller('BUYER'), await app.caller('BUYER')];
    for (const buyer of buyers)
      await request(app.server)
        .post('/wallet/charges')
        .set('Authorization', buyer.authorization)
        .send({ amount: 1_000_000 })
        .expect(201);
    const failures: string[] = [];

    for (let round = 0; round < 8; round++) {
      const orders = await Promise.all(buyers.map((buyer) => paidOrders(buyer, 4)));
      // Each run refunds one order of every buyer, the buyers in another order in each run.
      const runs = [0, 1, 2, 3].map((i) => {
        const order = (b: number) => (orders[b] as TestOrder[])[i] as TestOrder;
        const byBuyer = i % 2 === 0 ? [order(0), order(1), order(2)] : [order(2), order(1), order(0)];
        return byBuyer.map((o) => cancelled(o, 'CANCELLED_BY_BUYER'));
      });
      const outcomes = await Promise.allSettled(runs.map((run) => deliverRun(app, ...run)));
      for (const outcome of outcomes) if (outcome.status === 'rejected') failures.push(String(outcome.reason));
    }

    expect(failures).toEqual([]);
    for (const buyer of buyers) {
      expect(await ledgerDisagreements(app.prisma, buyer.userId)).toEqual([]);
      expect(await app.prisma.wallet.findUnique({ where: { userId: buyer.userId } })).toMatchObject({
        balance: 1_000_000,
      });
    }
  });
});
