import type { RouteContract } from '../route-contract';
import { payOrderRoute } from './order-payment.routes';
import { chargeWalletRoute, getWalletRoute, listWalletTransactionsRoute } from './wallet.routes';

export * from './order-payment.routes';
export * from './wallet.routes';

/** Every public endpoint of payment-service (wallet and order payment), for the gateway's PUBLIC_ROUTES. */
export const paymentRoutes: readonly RouteContract[] = [
  chargeWalletRoute,
  getWalletRoute,
  listWalletTransactionsRoute,
  payOrderRoute,
];
