import type { Identity } from '@sneakers/kit';
import type { Order } from './domain/order';
import { OrderErrors } from './domain/order.errors';

/**
 * A buyer sees only their own orders, an admin every order. Someone else's order answers 404, not
 * 403, so order ids cannot be probed for existence.
 */
export function assertCanSee(identity: Identity, order: Order | undefined): asserts order is Order {
  if (!order || (identity.role !== 'ADMIN' && order.buyerId !== identity.userId)) throw OrderErrors.notFound();
}
