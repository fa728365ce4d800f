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
 * than once (a crash between its 2xx and our inbox commit): it keeps one per order id, and the
 * `Idempotency-Key` header tells it so.
 */
export const deliverPaidOrderToDataPlatform = ({ url, timeoutMs }: DataPlatformTarget) =>
  react(orderPaid, async ({ payload }, _tx: Tx) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': payload.orderId },
      body: JSON.stringify(payload satisfies PaidOrderDelivery),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) throw new Error(`data platform answered ${response.status} for order ${payload.orderId}`);
  });
