import { orderCancelled, orderPaid, orderPlaced } from '@sneakers/contracts';
import type { EventEnvelope, PayloadOf } from '@sneakers/kit';
import type { Tx } from '../../prisma';
import { lockStockOf } from '../reservation.repository';

/**
 * A run of order events in one transaction takes its SKU rows, then its product rows (units sold),
 * before the first event is applied. Event by event, each event's rows were locked in id order but
 * the run's were not: two runs over overlapping SKUs of one product deadlocked under a drop (40P01
 * in `addUnitsSold`). Now every catalog transaction locks SKUs before products, each in id order.
 */
export async function lockStockForRun(events: EventEnvelope<unknown>[], tx: Tx): Promise<void> {
  const skuIds = new Set<string>();
  const settled: string[] = [];
  for (const { type, payload } of events) {
    if (type === orderPlaced.type)
      for (const { skuId } of (payload as PayloadOf<typeof orderPlaced>).lines) skuIds.add(skuId);
    else if (type === orderPaid.type || type === orderCancelled.type)
      settled.push((payload as PayloadOf<typeof orderPaid | typeof orderCancelled>).orderId);
  }
  // Placements alone are reserved by one batch that locks its SKUs in id order itself.
  if (settled.length === 0) return;
  await lockStockOf(tx, { skuIds: [...skuIds], orderIds: settled });
}
