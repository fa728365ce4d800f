import type { Tx } from '../../../prisma';
import { addUnitsSold } from '../../../sales/sales.repository';
import { salesDay } from '../../../sales/sales-day';
import { moveStock } from '../../../stock/stock.repository';
import { unitsPerProduct } from '../../domain/units-per-product';
import { lockReservation, setReservationStatus } from '../../reservation.repository';

/**
 * The order was paid: its held units become sold, and count for the ranking on the day it was paid
 * (in the ranking's time zone). Anything but a live reservation is left alone, so a replay is a no-op.
 */
export async function commitStock(
  tx: Tx,
  { orderId, paidAt, timeZone }: { orderId: string; paidAt: Date; timeZone: string },
): Promise<'committed' | 'nothing-to-commit'> {
  const reservation = await lockReservation(tx, orderId);
  if (reservation?.status !== 'RESERVED') return 'nothing-to-commit';
  const moved = await moveStock(tx, reservation.lines, 'reserved', 'sold');
  if (moved.shortSkuId || moved.missingSkuId)
    throw new Error(`reservation of order ${orderId} does not match its SKUs`);
  const day = salesDay(paidAt, timeZone);
  await setReservationStatus(tx, orderId, 'COMMITTED', day);
  await addUnitsSold(tx, day, unitsPerProduct(reservation.lines, 1));
  return 'committed';
}
