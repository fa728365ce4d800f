import type { StockRejectReason } from '@sneakers/contracts/events';
import type { ProductStatus } from '../../product/domain/product-status';

/** Units of one SKU an order asks for (one entry per SKU). */
export interface StockMove {
  skuId: string;
  quantity: number;
}

export interface OrderToReserve {
  orderId: string;
  moves: StockMove[];
}

/** What a SKU is offered at right now: whose it is, its price and whether it may be sold. */
export interface SkuOffer {
  skuId: string;
  productId: string;
  sellerId: string;
  price: number;
  status: ProductStatus;
}

export interface PricedLine extends StockMove {
  productId: string;
  sellerId: string;
  unitPrice: number;
}

export type ReservationDecision =
  | { orderId: string; outcome: 'reserved'; lines: PricedLine[]; subtotal: number }
  | { orderId: string; outcome: 'rejected'; reason: StockRejectReason; skuId: string };

/**
 * First come, first served: each order in turn gets every line from what is still available, or
 * nothing. `available` is what the locked SKU rows hold; it is taken from as orders are reserved.
 */
export function decideReservations(
  orders: OrderToReserve[],
  offers: Map<string, SkuOffer>,
  available: Map<string, number>,
): ReservationDecision[] {
  return orders.map(({ orderId, moves }) => {
    const refusal = firstRefusal(moves, offers) ?? firstShortfall(moves, available);
    if (refusal) return { orderId, outcome: 'rejected', ...refusal };
    for (const { skuId, quantity } of moves) available.set(skuId, (available.get(skuId) as number) - quantity);
    const lines = moves.map((move) => {
      const offer = offers.get(move.skuId) as SkuOffer;
      return { ...move, productId: offer.productId, sellerId: offer.sellerId, unitPrice: offer.price };
    });
    const subtotal = lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);
    return { orderId, outcome: 'reserved', lines, subtotal };
  });
}

/**
 * One move per SKU (an order may name a size twice), ids lower-cased as PostgreSQL returns them so
 * they match the offers read back, in id order (the order SKU rows are locked in).
 */
export function mergeLines(lines: Array<{ skuId: string; quantity: number }>): StockMove[] {
  const bySku = new Map<string, number>();
  for (const { skuId, quantity } of lines) {
    const id = skuId.toLowerCase();
    bySku.set(id, (bySku.get(id) ?? 0) + quantity);
  }
  return [...bySku].sort(([a], [b]) => (a < b ? -1 : 1)).map(([skuId, quantity]) => ({ skuId, quantity }));
}

type Refusal = { reason: StockRejectReason; skuId: string };

function firstRefusal(moves: StockMove[], offers: Map<string, SkuOffer>): Refusal | undefined {
  for (const { skuId } of moves) {
    const offer = offers.get(skuId);
    if (!offer) return { reason: 'UNKNOWN_SKU', skuId };
    if (offer.status === 'SOLD_OUT') return { reason: 'OUT_OF_STOCK', skuId };
    if (offer.status !== 'ON_SALE') return { reason: 'NOT_ON_SALE', skuId };
  }
  return undefined;
}

function firstShortfall(moves: StockMove[], available: Map<string, number>): Refusal | undefined {
  const short = moves.find(({ skuId, quantity }) => (available.get(skuId) ?? 0) < quantity);
  return short && { reason: 'OUT_OF_STOCK', skuId: short.skuId };
}
