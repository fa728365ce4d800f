import type { Tx } from '../prisma';

export type SettledOutcome = 'CANCELLED' | 'PAID';

/** Records how the order ended; the first outcome seen stays (a later one changes nothing). */
export async function recordSettledOrder(tx: Tx, orderId: string, outcome: SettledOutcome): Promise<SettledOutcome> {
  await tx.settledOrder.createMany({ data: [{ orderId, outcome }], skipDuplicates: true });
  const row = await tx.settledOrder.findUniqueOrThrow({ where: { orderId } });
  return row.outcome;
}

export async function findSettledOutcome(tx: Tx, orderId: string): Promise<SettledOutcome | undefined> {
  return (await tx.settledOrder.findUnique({ where: { orderId } }))?.outcome;
}
