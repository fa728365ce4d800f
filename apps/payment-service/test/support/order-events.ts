import { randomUUID } from 'node:crypto';
import { orderAwaitingPayment, orderCancelled, orderPaid } from '@sneakers/contracts';
import { applyOnce, applyRunInOrder, applyRunOnce, type EventEnvelope, type PayloadOf } from '@sneakers/kit';
import { envelopeOf } from '@sneakers/kit/testing';
import { lockPaymentsForRun } from '../../src/payment/reactions/lock-payments-for-run';
import { reactions } from '../../src/reactions';
import type { PaymentApp } from './payment-app';

const CONSUMER = 'payment-service-test';

/** An order as order-service would describe it once it awaits payment. */
export interface TestOrder {
  orderId: string;
  buyerId: string;
  amount: number;
  paymentDeadline: Date;
}

export const anOrder = (buyerId: string, amount: number, deadlineInMs = 10 * 60_000): TestOrder => ({
  orderId: randomUUID(),
  buyerId,
  amount,
  paymentDeadline: new Date(Date.now() + deadlineInMs),
});

export const awaitingPayment = (order: TestOrder) =>
  envelopeOf(orderAwaitingPayment, order.orderId, {
    orderId: order.orderId,
    buyerId: order.buyerId,
    subtotal: Math.max(order.amount, 1),
    discount: Math.max(order.amount, 1) - order.amount,
    amount: order.amount,
    paymentDeadline: order.paymentDeadline.toISOString(),
    awaitingSince: new Date().toISOString(),
  });

export const cancelled = (order: TestOrder, reason: PayloadOf<typeof orderCancelled>['reason'] = 'EXPIRED') =>
  envelopeOf(orderCancelled, order.orderId, {
    orderId: order.orderId,
    buyerId: order.buyerId,
    reason,
    cancelledAt: new Date().toISOString(),
  });

export const paid = (order: TestOrder) =>
  envelopeOf(orderPaid, order.orderId, {
    orderId: order.orderId,
    buyerId: order.buyerId,
    lines: [{ skuId: randomUUID(), productId: randomUUID(), quantity: 1 }],
    amount: order.amount,
    paidAt: new Date().toISOString(),
  });

/**
 * Applies each event exactly as the Kafka consumer would (validated payload, the service's own
 * reaction, the inbox's once-only guard), without the broker: for tests about what a reaction does.
 */
export async function deliver(app: PaymentApp, ...events: Array<EventEnvelope<unknown>>): Promise<void> {
  for (const event of events) {
    const reaction = reactions.find((r) => r.contract.type === event.type);
    if (!reaction) throw new Error(`payment-service has no reaction for ${event.type}`);
    const envelope = { ...event, payload: reaction.contract.payload.parse(event.payload) };
    await applyOnce(app.runInTransaction, CONSUMER, reaction, envelope);
  }
}

/**
 * Applies events in one transaction, in order, as the consumer does with a run of them from one
 * fetch: the run's row locks first (the service's `lockRun`), then the reactions.
 */
export async function deliverRun(app: PaymentApp, ...events: Array<EventEnvelope<unknown>>): Promise<void> {
  const envelopes = events.map((event) => {
    const reaction = reactions.find((r) => r.contract.type === event.type);
    if (!reaction) throw new Error(`payment-service has no reaction for ${event.type}`);
    return { reaction, envelope: { ...event, payload: reaction.contract.payload.parse(event.payload) } };
  });
  await applyRunOnce(
    app.runInTransaction,
    CONSUMER,
    envelopes,
    ({ envelope }) => envelope.eventId,
    (fresh, tx) =>
      applyRunInOrder(
        fresh.map(({ reaction, envelope }) => ({ reaction, event: envelope })),
        tx,
        { lockRun: lockPaymentsForRun },
      ),
  );
}

export const payableOrder = (app: PaymentApp, orderId: string) =>
  app.prisma.payableOrder.findUnique({
    where: { orderId },
    select: { status: true, amount: true, cancelReason: true, buyerId: true },
  });
