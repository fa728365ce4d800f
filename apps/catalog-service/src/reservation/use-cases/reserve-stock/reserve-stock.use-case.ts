import { stockRejected, stockReserved } from '@sneakers/contracts';
import { outboxEvent, writeOutboxEvents } from '@sneakers/kit';
import type { Tx } from '../../../prisma';
import { decideReservations, mergeLines, type ReservationDecision } from '../../domain/decide-reservations';
import {
  claimOrdersAndPriceLines,
  lockAvailableStock,
  markReservationsRejected,
  takeReservedStock,
} from './reserve-stock.queries';

export interface PlacedOrder {
  orderId: string;
  lines: Array<{ skuId: string; quantity: number }>;
}

/**
 * Holds every line of each order or none, first come first served, and says which in the same
 * transaction (stock.reserved or stock.rejected). An order decided before (or cancelled before it
 * arrived) is left alone. Any number of orders go in one transaction: under a crowd on one hot
 * SKU its row lock is taken once for all of them, which is what bounds the rate on that SKU.
 */
export async function reserveStock(tx: Tx, placed: PlacedOrder[], now: Date): Promise<ReservationDecision[]> {
  const orders = [...new Map(placed.map((o) => [o.orderId.toLowerCase(), mergeLines(o.lines)]))].map(
    ([orderId, moves]) => ({ orderId, moves }),
  );
  const { claimed, offers } = await claimOrdersAndPriceLines(tx, orders);
  const toDecide = orders.filter((o) => claimed.has(o.orderId));
  // Only SKUs that can be sold are locked: an order for a discontinued size never queues on it.
  const sellable = toDecide.flatMap((o) => o.moves.filter((m) => offers.get(m.skuId)?.status === 'ON_SALE'));
  const available = await lockAvailableStock(tx, [...new Set(sellable.map((m) => m.skuId))].sort());
  const decisions = decideReservations(toDecide, offers, available);

  const taken = new Map<string, number>();
  for (const decision of decisions)
    if (decision.outcome === 'reserved')
      for (const { skuId, quantity } of decision.lines) taken.set(skuId, (taken.get(skuId) ?? 0) + quantity);
  await takeReservedStock(tx, taken);
  await markReservationsRejected(
    tx,
    decisions.filter((d) => d.outcome === 'rejected').map((d) => d.orderId),
  );
  await writeOutboxEvents(
    tx,
    decisions.map((decision) => decisionEvent(decision, now)),
  );
  return decisions;
}

function decisionEvent(decision: ReservationDecision, now: Date) {
  const { orderId } = decision;
  if (decision.outcome === 'reserved') {
    const { lines, subtotal } = decision;
    return outboxEvent(stockReserved, {
      aggregateId: orderId,
      payload: { orderId, lines, subtotal, reservedAt: now.toISOString() },
    });
  }
  const { reason, skuId } = decision;
  return outboxEvent(stockRejected, {
    aggregateId: orderId,
    payload: { orderId, reason, skuId, rejectedAt: now.toISOString() },
  });
}
