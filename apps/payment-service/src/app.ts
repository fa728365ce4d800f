import { type ChangeWaiter, routerFor, type SqlReader, type TransactionRunner } from '@sneakers/kit';
import type { Router } from 'express';
import type { PaymentServiceConfig } from './config';
import { servePayOrder } from './payment/use-cases/pay-order/pay-order.http';
import type { Tx } from './prisma';
import { serveChargeWallet } from './wallet/use-cases/charge-wallet/charge-wallet.http';
import { serveGetWallet } from './wallet/use-cases/get-wallet/get-wallet.http';
import { serveListTransactions } from './wallet/use-cases/list-transactions/list-transactions.http';
import type { WalletDeps } from './wallet/wallet.deps';

export interface PaymentRoutesDeps {
  config: Pick<PaymentServiceConfig, 'WALLET_MAX_CHARGE' | 'WALLET_BALANCE_CAP' | 'PAYMENT_ORDER_WAIT_MS'>;
  runInTransaction: TransactionRunner<Tx>;
  /** Reads of one statement, which need no transaction of their own (the service's client). */
  reads: SqlReader;
  /** Wakes payments waiting for an order not heard of yet. */
  payableOrders: ChangeWaiter;
}

/** Every endpoint payment-service serves, mounted by runService (in production and in tests alike). */
export function paymentRoutes({ config, runInTransaction, reads, payableOrders }: PaymentRoutesDeps): Router[] {
  const deps: WalletDeps = {
    runInTransaction,
    reads,
    limits: { maxCharge: config.WALLET_MAX_CHARGE, balanceCap: config.WALLET_BALANCE_CAP },
  };
  const wallet = routerFor();
  serveChargeWallet(wallet, deps);
  serveGetWallet(wallet, deps);
  serveListTransactions(wallet, deps);
  const payment = routerFor();
  servePayOrder(payment, { runInTransaction, reads, waiter: payableOrders, orderWaitMs: config.PAYMENT_ORDER_WAIT_MS });
  return [wallet, payment];
}
