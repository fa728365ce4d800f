import { keepSellerStatuses } from '@sneakers/contracts';
import type { Reaction } from '@sneakers/kit';
import type { CatalogServiceConfig } from '../config';
import type { Tx } from '../prisma';
import { commitStockWhenOrderPaid } from '../reservation/reactions/commit-stock-when-order-paid';
import { releaseStockWhenOrderCancelled } from '../reservation/reactions/release-stock-when-order-cancelled';
import { reserveStockWhenOrderPlaced } from '../reservation/reactions/reserve-stock-when-order-placed';

/** Every event this service reacts to, in one list. */
export const catalogReactions = (config: Pick<CatalogServiceConfig, 'SALES_TIME_ZONE'>): Reaction<Tx>[] => [
  reserveStockWhenOrderPlaced,
  releaseStockWhenOrderCancelled,
  commitStockWhenOrderPaid(config.SALES_TIME_ZONE),
  ...keepSellerStatuses<Tx>(),
];
