import type { ProductStatus } from '../../../generated/prisma/client';
import type { Tx } from '../../../prisma';
import type { StockMove } from '../../../stock/stock.repository';

/** What a SKU is offered at right now: whose it is, its price and whether it may be sold. */
export interface SkuOffer {
  skuId: string;
  productId: string;
  sellerId: string;
  price: number;
  status: ProductStatus;
}

/**
 * In one round trip (this runs for every order, and the hot-SKU rate is bound by round trips):
 * claims the order (false when a decision or an earlier cancellation exists), records its lines
 * priced as the catalog stands now, and returns those offers. Lines are what the order asked for;
 * the reservation's status says whether it got them.
 */
export async function claimOrderAndPriceLines(
  tx: Tx,
  orderId: string,
  moves: StockMove[],
): Promise<{ claimed: boolean; offers: Map<string, SkuOffer> }> {
  const rows = await tx.$queryRawUnsafe<Array<{ claimed: number } & Partial<SkuOffer>>>(
    `WITH wanted AS (SELECT * FROM unnest($2::uuid[], $3::int[]) AS w(sku_id, qty)),
     claim AS (
       INSERT INTO stock_reservations (order_id, status) VALUES ($1::uuid, 'RESERVED')
       ON CONFLICT DO NOTHING RETURNING order_id
     ),
     offers AS (
       SELECT s.id AS sku_id, s.product_id, p.seller_id, p.price, p.status, w.qty
       FROM wanted w JOIN skus s ON s.id = w.sku_id JOIN products p ON p.id = s.product_id
     ),
     lines AS (
       INSERT INTO stock_reservation_lines (order_id, sku_id, product_id, seller_id, quantity, unit_price)
       SELECT c.order_id, o.sku_id, o.product_id, o.seller_id, o.qty, o.price FROM claim c, offers o
     )
     SELECT (SELECT count(*) FROM claim)::int AS claimed, o.sku_id::text AS "skuId",
            o.product_id::text AS "productId", o.seller_id::text AS "sellerId", o.price, o.status::text AS status
     FROM (SELECT 1) AS one LEFT JOIN offers o ON true`,
    orderId,
    moves.map((m) => m.skuId),
    moves.map((m) => m.quantity),
  );
  const offers = new Map<string, SkuOffer>();
  for (const row of rows) if (row.skuId) offers.set(row.skuId, row as SkuOffer);
  return { claimed: rows[0]?.claimed === 1, offers };
}

/**
 * Takes back the optimistic stock.reserved of this transaction when the stock fell short. It was
 * written before the stock move so that the hot SKU's lock is held only for the move and the
 * commit; the NOTIFY it sent merely wakes the relay for nothing.
 */
export async function discardOutboxEvent(tx: Tx, eventId: string): Promise<void> {
  await tx.$executeRaw`DELETE FROM outbox WHERE event_id = ${eventId}::uuid`;
}
