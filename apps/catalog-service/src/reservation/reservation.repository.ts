import type { ReservationStatus } from '../generated/prisma/client';
import type { Tx } from '../prisma';
import { isoDay } from '../sales/sales-day';

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
  const created = await tx.$executeRawUnsafe(
    'INSERT INTO stock_reservations (order_id, status) VALUES ($1::uuid, $2::reservation_status) ON CONFLICT DO NOTHING',
    orderId,
    status,
  );
  return created === 1;
}

export async function setReservationStatus(
  tx: Tx,
  orderId: string,
  status: ReservationStatus,
  salesDay?: Date,
): Promise<void> {
  await tx.$executeRawUnsafe(
    `UPDATE stock_reservations SET status = $2::reservation_status, sales_day = coalesce($3::date, sales_day)
     WHERE order_id = $1::uuid`,
    orderId,
    status,
    salesDay ? isoDay(salesDay) : null,
  );
}

/**
 * The reservation and its lines, its row locked until the transaction ends. The lines come as JSON
 * in the same statement: they are written with the row and never change, so whichever version of
 * the row the lock ends on, they are its lines.
 */
export async function lockReservation(
  tx: Tx,
  orderId: string,
): Promise<{ status: ReservationStatus; salesDay: Date | null; lines: ReservedLine[] } | undefined> {
  const [row] = await tx.$queryRawUnsafe<
    Array<{ status: ReservationStatus; salesDay: Date | null; lines: ReservedLine[] }>
  >(
    `SELECT r.status::text, r.sales_day AS "salesDay",
            (SELECT coalesce(json_agg(json_build_object('skuId', l.sku_id, 'productId', l.product_id,
                      'sellerId', l.seller_id, 'quantity', l.quantity, 'unitPrice', l.unit_price) ORDER BY l.sku_id), '[]')
             FROM stock_reservation_lines l WHERE l.order_id = r.order_id) AS lines
     FROM stock_reservations r WHERE r.order_id = $1::uuid FOR UPDATE OF r`,
    orderId,
  );
  return row;
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
