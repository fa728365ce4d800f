import { orderLogFields, PLATFORM_TOPICS } from '@sneakers/contracts';
import {
  createLogger,
  loadConfigOrExit,
  PgChangeWaiter,
  pgTransactionRunner,
  runService,
  type ServiceStartOptions,
} from '@sneakers/kit';
import { paymentRoutes } from './app';
import { paymentServiceEnv } from './config';
import { PAYABLE_ORDER_CHANNEL } from './payment/payable-order.repository';
import { lockPaymentsForRun } from './payment/reactions/lock-payments-for-run';
import { createDatabase } from './prisma';
import { reactions } from './reactions';

export async function startPaymentService(options: ServiceStartOptions = {}) {
  const config = loadConfigOrExit(paymentServiceEnv, options.env);
  const logger = createLogger('payment-service', config.LOG_LEVEL);
  const payableOrders = new PgChangeWaiter(
    config.DATABASE_URL,
    PAYABLE_ORDER_CHANNEL,
    logger.child({ component: 'payable-order-waiter' }),
  );
  await payableOrders.start();
  return runService(
    {
      name: 'payment-service',
      env: paymentServiceEnv,
      createDatabase,
      transactions: pgTransactionRunner,
      topics: PLATFORM_TOPICS,
      logFields: orderLogFields,
      subscribesTo: ['user', 'order'],
      reactions: () => reactions,
      lockRun: lockPaymentsForRun,
      routes: (deps) => paymentRoutes({ ...deps, reads: deps.sql, payableOrders }),
      drain: [{ name: 'payable-order waiter', stop: () => payableOrders.stop() }],
    },
    options,
  );
}
