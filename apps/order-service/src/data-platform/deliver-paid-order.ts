import { orderPaid } from '@sneakers/contracts';
import { type PayloadOf, react } from '@sneakers/kit';
import type { Tx } from '../prisma';

export interface DataPlatformTarget {
  url: string;
  timeoutMs: number;
}

export type PaidOrderDelivery = PayloadOf<typeof orderPaid>;

/**
 * Delivers a paid order to the external data platform. It runs in its own consumer group, so a slow
 * or absent platform delays only this (checkout never waits for it); a failure throws, and the
 * kit's consumer retries with back-off, then dead-letters. The platform may receive an order more
 * than once (a crash between its 2xx and our inbox commit, or a later delivery failing in the same
 * fetched batch): it keeps one per order id, and the `Idempotency-Key` header tells it so.
 */
export const deliverPaidOrderToDataPlatform = ({ url, timeoutMs }: DataPlatformTarget) =>
  react(orderPaid, async ({ payload }, _tx: Tx) => {
    // Not AbortSignal.timeout: its timer fires after every delivery that succeeded too, and aborting
    // each finished fetch took a third of the CPU the fetches did (profiled under a drop).
    const deadline = new AbortController();
    const timer = setTimeout(
      () => deadline.abort(new Error(`data platform gave no answer in ${timeoutMs} ms`)),
      timeoutMs,
    );
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': payload.orderId },
        body: JSON.stringify(payload satisfies PaidOrderDelivery),
        signal: deadline.signal,
      });
      // Read to the end, so the connection goes back to the pool for the next delivery.
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`data platform answered ${response.status} for order ${payload.orderId}`);
    } finally {
      clearTimeout(timer);
    }
  });
