import type { EventLogFields, RequestLogFields } from '@sneakers/kit';

const orderIdOf = (value: unknown) => (typeof value === 'string' ? { orderId: value } : undefined);

/**
 * The checkout saga's thread: a request whose route names an order and an event whose payload does
 * carry the order's id in their log lines, so one checkout's requests and events can be found
 * together across the services it passes through.
 */
export const orderLogFields: { request: RequestLogFields; event: EventLogFields } = {
  request: (routeParams) => orderIdOf(routeParams.orderId),
  event: (event) => orderIdOf((event.payload as { orderId?: unknown }).orderId),
};
