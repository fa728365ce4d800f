import type { PlatformRoute } from '../platform-route';
import { payOrderRoute } from './order-payment.routes';
import { chargeWalletRoute, getWalletRoute, listWalletTransactionsRoute } from './wallet.routes';

export * from './order-payment.routes';
export * from './wallet.routes';

/** Every public endpoint of payment-service (wallet and order payment), for the gateway's PUBLIC_ROUTES. */
export const paymentRoutes: readonly PlatformRoute[] = [
  chargeWalletRoute,
  getWalletRoute,
  listWalletTransactionsRoute,
  payOrderRoute,
];
