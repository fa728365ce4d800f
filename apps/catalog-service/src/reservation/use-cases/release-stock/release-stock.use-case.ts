import type { Tx } from '../../../prisma';
import { addUnitsSold } from '../../../sales/sales.repository';
import { moveStock } from '../../../stock/stock.repository';
import { unitsPerProduct } from '../../domain/units-per-product';
import { lockReservation, openReservation, setReservationStatus } from '../../reservation.repository';

export type ReleaseOutcome = 'released' | 'restocked' | 'nothing-to-release';

/**
 * The order will not be (or no longer is) paid: whatever it holds goes back on sale. Safe to run
 * twice, and safe before the order's reservation: a cancellation that overtakes order.placed leaves
 * a RELEASED mark, and the late order.placed then reserves nothing.
 */
export async function releaseStock(tx: Tx, orderId: string): Promise<ReleaseOutcome> {
  if (await openReservation(tx, orderId, 'RELEASED')) return 'nothing-to-release';
  const reservation = await lockReservation(tx, orderId);
  if (!reservation) return 'nothing-to-release';
  if (reservation.status === 'RESERVED') {
    await giveBack(tx, orderId, reservation.lines, 'reserved');
    await setReservationStatus(tx, orderId, 'RELEASED');
    return 'released';
  }
  if (reservation.status === 'COMMITTED' && reservation.salesDay) {
    // Cancelled after payment (refund): the units return to the shelf and leave the ranking.
    await giveBack(tx, orderId, reservation.lines, 'sold');
    await setReservationStatus(tx, orderId, 'RELEASED');
    await addUnitsSold(tx, reservation.salesDay, unitsPerProduct(reservation.lines, -1));
    return 'restocked';
  }
  return 'nothing-to-release';
}

async function giveBack(
  tx: Tx,
  orderId: string,
  lines: Array<{ skuId: string; quantity: number }>,
  from: 'reserved' | 'sold',
): Promise<void> {
  const moved = await moveStock(tx, lines, from, 'available');
  if (moved.shortSkuId || moved.missingSkuId)
    throw new Error(`reservation of order ${orderId} does not match its SKUs`);
}
