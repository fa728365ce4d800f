import type { Tx } from '../../../prisma';
import type { OrderToReserve, SkuOffer } from '../../domain/decide-reservations';

/**
 * In one round trip: claims each order (not claimed when a decision or an earlier cancellation
 * exists), records the claimed orders' lines priced as the catalog stands now, and returns the
 * offers of every SKU asked for. Lines are what the orders asked for; a reservation's status says
 * whether it got them.
 */
export async function claimOrdersAndPriceLines(
  tx: Tx,
  orders: OrderToReserve[],
): Promise<{ claimed: Set<string>; offers: Map<string, SkuOffer> }> {
  const lines = orders.flatMap(({ orderId, moves }) => moves.map((move) => ({ orderId, ...move })));
  const rows = await tx.$queryRawUnsafe<Array<{ claimedOrderId: string | null } & Partial<SkuOffer>>>(
    `WITH wanted AS (SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[]) AS w(order_id, sku_id, qty)),
     claim AS (
       INSERT INTO stock_reservations (order_id, status)
       SELECT DISTINCT order_id, 'RESERVED'::reservation_status FROM wanted
       ON CONFLICT DO NOTHING RETURNING order_id
     ),
     offers AS (
       SELECT s.id AS sku_id, s.product_id, p.seller_id, p.price, p.status
       FROM skus s JOIN products p ON p.id = s.product_id
       WHERE s.id IN (SELECT sku_id FROM wanted)
     ),
     priced AS (
       INSERT INTO stock_reservation_lines (order_id, sku_id, product_id, seller_id, quantity, unit_price)
       SELECT w.order_id, o.sku_id, o.product_id, o.seller_id, w.qty, o.price
       FROM wanted w JOIN claim c ON c.order_id = w.order_id JOIN offers o ON o.sku_id = w.sku_id
     )
     SELECT order_id::text AS "claimedOrderId", NULL AS "skuId", NULL AS "productId", NULL AS "sellerId",
            NULL::int AS price, NULL AS status
     FROM claim
     UNION ALL
     SELECT NULL, sku_id::text, product_id::text, seller_id::text, price, status::text FROM offers`,
    lines.map((l) => l.orderId),
    lines.map((l) => l.skuId),
    lines.map((l) => l.quantity),
  );
  const claimed = new Set<string>();
  const offers = new Map<string, SkuOffer>();
  for (const { claimedOrderId, ...offer } of rows) {
    if (claimedOrderId) claimed.add(claimedOrderId);
    else offers.set(offer.skuId as string, offer as SkuOffer);
  }
  return { claimed, offers };
}

/**
 * Locks the SKU rows (in id order, as every stock move does, so two transactions queue instead of
 * deadlocking) and reads what they have available. From here to the commit, nobody else moves them.
 */
export async function lockAvailableStock(tx: Tx, skuIds: string[]): Promise<Map<string, number>> {
  if (skuIds.length === 0) return new Map();
  const rows = await tx.$queryRawUnsafe<Array<{ id: string; available: number }>>(
    'SELECT id::text, available FROM skus WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE',
    skuIds,
  );
  return new Map(rows.map((row) => [row.id, row.available]));
}

/** Moves the units taken per SKU from available to reserved (rows locked by `lockAvailableStock`). */
export async function takeReservedStock(tx: Tx, taken: Map<string, number>): Promise<void> {
  if (taken.size === 0) return;
  await tx.$executeRawUnsafe(
    `UPDATE skus s SET available = s.available - t.qty, reserved = s.reserved + t.qty
     FROM unnest($1::uuid[], $2::int[]) AS t(sku_id, qty) WHERE s.id = t.sku_id`,
    [...taken.keys()],
    [...taken.values()],
  );
}

export async function markReservationsRejected(tx: Tx, orderIds: string[]): Promise<void> {
  if (orderIds.length === 0) return;
  await tx.$executeRawUnsafe(
    `UPDATE stock_reservations SET status = 'REJECTED' WHERE order_id = ANY($1::uuid[])`,
    orderIds,
  );
}
