import { type StockRejectReason, stockRejected, stockReserved, writeOutboxEvent } from '@sneakers/shared';
import type { Tx } from '../../../prisma';
import { moveStock, type StockMove } from '../../../stock/stock.repository';
import { setReservationStatus } from '../../reservation.repository';
import { claimOrderAndPriceLines, discardOutboxEvent, type SkuOffer } from './reserve-stock.queries';

export interface ReserveStock {
  orderId: string;
  lines: Array<{ skuId: string; quantity: number }>;
  now: Date;
}

export type ReserveOutcome =
  | { outcome: 'reserved'; subtotal: number }
  | { outcome: 'rejected'; reason: StockRejectReason; skuId: string }
  | { outcome: 'already-decided' };

/**
 * Holds every line of the order or none, and says which in the same transaction (stock.reserved or
 * stock.rejected). The contended SKU rows are touched last: their locks are held only for the
 * stock move itself and the commit, which is what bounds the rate on a hot SKU.
 */
export async function reserveStock(tx: Tx, { orderId, lines, now }: ReserveStock): Promise<ReserveOutcome> {
  const moves = mergeLines(lines);
  const { claimed, offers } = await claimOrderAndPriceLines(tx, orderId, moves);
  if (!claimed) return { outcome: 'already-decided' };
  const refusal = firstRefusal(moves, offers);
  if (refusal) return reject(tx, orderId, refusal, now);

  const priced = moves.map((m) => {
    const offer = offers.get(m.skuId) as SkuOffer;
    return { ...m, productId: offer.productId, sellerId: offer.sellerId, unitPrice: offer.price };
  });
  const subtotal = priced.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);
  const eventId = await writeOutboxEvent(tx, stockReserved, {
    aggregateId: orderId,
    payload: { orderId, lines: priced, subtotal, reservedAt: now.toISOString() },
  });
  const { shortSkuId, missingSkuId } = await moveStock(tx, moves, 'available', 'reserved');
  const shortfall = missingSkuId ?? shortSkuId;
  if (shortfall) {
    await discardOutboxEvent(tx, eventId);
    return reject(tx, orderId, { reason: missingSkuId ? 'UNKNOWN_SKU' : 'OUT_OF_STOCK', skuId: shortfall }, now);
  }
  return { outcome: 'reserved', subtotal };
}

/**
 * One move per SKU (an order may name a size twice), ids lower-cased as PostgreSQL returns them so
 * they match the offers read back.
 */
function mergeLines(lines: ReserveStock['lines']): StockMove[] {
  const bySku = new Map<string, number>();
  for (const { skuId, quantity } of lines) {
    const id = skuId.toLowerCase();
    bySku.set(id, (bySku.get(id) ?? 0) + quantity);
  }
  return [...bySku].sort(([a], [b]) => (a < b ? -1 : 1)).map(([skuId, quantity]) => ({ skuId, quantity }));
}

function firstRefusal(
  moves: StockMove[],
  offers: Map<string, SkuOffer>,
): { reason: StockRejectReason; skuId: string } | undefined {
  for (const { skuId } of moves) {
    const offer = offers.get(skuId);
    if (!offer) return { reason: 'UNKNOWN_SKU', skuId };
    if (offer.status === 'SOLD_OUT') return { reason: 'OUT_OF_STOCK', skuId };
    if (offer.status !== 'ON_SALE') return { reason: 'NOT_ON_SALE', skuId };
  }
  return undefined;
}

async function reject(
  tx: Tx,
  orderId: string,
  { reason, skuId }: { reason: StockRejectReason; skuId: string },
  now: Date,
): Promise<ReserveOutcome> {
  await setReservationStatus(tx, orderId, 'REJECTED');
  await writeOutboxEvent(tx, stockRejected, {
    aggregateId: orderId,
    payload: { orderId, reason, skuId, rejectedAt: now.toISOString() },
  });
  return { outcome: 'rejected', reason, skuId };
}
