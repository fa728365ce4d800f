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

/**
 * Locks the SKU rows named and those the orders hold, then the product rows whose units sold the
 * orders count, each in id order (the order of every stock move): a run of events locks first.
 */
export async function lockStockOf(
  tx: Tx,
  { skuIds, orderIds }: { skuIds: string[]; orderIds: string[] },
): Promise<void> {
  await tx.$queryRawUnsafe(
    `SELECT id FROM skus
     WHERE id = ANY($1::uuid[]) OR id IN (SELECT sku_id FROM stock_reservation_lines WHERE order_id = ANY($2::uuid[]))
     ORDER BY id FOR UPDATE`,
    skuIds,
    orderIds,
  );
  if (orderIds.length === 0) return;
  await tx.$queryRawUnsafe(
    `SELECT id FROM products
     WHERE id IN (SELECT product_id FROM stock_reservation_lines WHERE order_id = ANY($1::uuid[]))
     ORDER BY id FOR NO KEY UPDATE`,
    orderIds,
  );
}
