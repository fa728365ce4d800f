import type { ReservationStatus } from '../generated/prisma/client';
import type { Tx } from '../prisma';

export interface ReservedLine {
  skuId: string;
  productId: string;
  sellerId: string;
  quantity: number;
  unitPrice: number;
}

/**
 * Claims the order for this decision: true for the first event about it, false when a decision (or
 * a cancellation that came first) exists. The row lock then serialises everything about one order.
 */
export async function openReservation(tx: Tx, orderId: string, status: ReservationStatus): Promise<boolean> {
  const created = await tx.stockReservation.createMany({ data: [{ orderId, status }], skipDuplicates: true });
  return created.count === 1;
}

export async function setReservationStatus(
  tx: Tx,
  orderId: string,
  status: ReservationStatus,
  salesDay?: Date,
): Promise<void> {
  await tx.stockReservation.update({ where: { orderId }, data: { status, ...(salesDay ? { salesDay } : {}) } });
}

/** The reservation and its lines, its row locked until the transaction ends. */
export async function lockReservation(
  tx: Tx,
  orderId: string,
): Promise<{ status: ReservationStatus; salesDay: Date | null; lines: ReservedLine[] } | undefined> {
  const [row] = await tx.$queryRaw<Array<{ status: ReservationStatus; salesDay: Date | null }>>`
    SELECT status, sales_day AS "salesDay" FROM stock_reservations WHERE order_id = ${orderId}::uuid FOR UPDATE`;
  if (!row) return undefined;
  const lines = await tx.stockReservationLine.findMany({
    where: { orderId },
    select: { skuId: true, productId: true, sellerId: true, quantity: true, unitPrice: true },
    orderBy: { skuId: 'asc' },
  });
  return { ...row, lines };
}
