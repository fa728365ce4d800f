import type { PrismaClient } from '../../src/generated/prisma/client';

/** The payment.* events written to the outbox for one order, oldest first. */
export async function paymentEventsOf(prisma: PrismaClient, orderId: string) {
  const rows = await prisma.outboxEvent.findMany({
    where: { aggregateType: 'payment', payload: { path: ['orderId'], equals: orderId } },
    orderBy: { id: 'asc' },
  });
  return rows.map((row) => ({ type: row.type, aggregateId: row.aggregateId, payload: row.payload }));
}

/** Everything a payment can touch for this buyer and order: it must all stay put when one is refused. */
export async function moneyTrail(prisma: PrismaClient, buyerId: string, orderId: string) {
  const [wallet, entries, payments, events, keys] = await Promise.all([
    prisma.wallet.findUnique({ where: { userId: buyerId } }),
    prisma.walletTransaction.count({ where: { userId: buyerId } }),
    prisma.payment.count({ where: { orderId } }),
    paymentEventsOf(prisma, orderId),
    prisma.idempotencyKey.count({ where: { scope: buyerId } }),
  ]);
  return { balance: wallet?.balance, entries, payments, events: events.length, keys };
}
