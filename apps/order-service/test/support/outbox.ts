import type { PrismaClient } from '../../src/generated/prisma/client';

/** The events order-service wrote for one order, oldest first (the relay is not running here). */
export async function outboxOf(prisma: PrismaClient, orderId: string) {
  const rows = await prisma.outboxEvent.findMany({ where: { aggregateId: orderId }, orderBy: { id: 'asc' } });
  return rows.map((row) => ({ type: row.type, payload: row.payload as Record<string, unknown> }));
}

export const typesOf = (events: Array<{ type: string }>) => events.map((e) => e.type);
