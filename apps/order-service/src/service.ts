import { orderLogFields, PLATFORM_TOPICS } from '@sneakers/contracts';
import {
  createKafka,
  createLogger,
  createServiceMetrics,
  DEFAULT_TRANSACTION_LIMITS,
  guardedPool,
  loadConfigOrExit,
  PgChangeWaiter,
  pgTransactionRunner,
  runService,
  type ServiceStartOptions,
} from '@sneakers/kit';
import { orderRoutes } from './app';
import { orderServiceEnv } from './config';
import { DATA_PLATFORM_DELIVERY_GROUP, dataPlatformConsumer } from './data-platform/data-platform-consumer';
import { startExpiryJob } from './order/expiry/expiry-job';
import { ORDER_CHANGED_CHANNEL } from './order/order-events';
import { sagaOutcomeMetrics } from './order/saga-outcome.metrics';
import { createDatabase } from './prisma';
import { orderReactions } from './reactions';

export async function startOrderService(options: ServiceStartOptions = {}) {
  const config = loadConfigOrExit(orderServiceEnv, options.env);
  const logger = createLogger('order-service', config.LOG_LEVEL);
  const metrics = createServiceMetrics('order-service');
  const outcomes = sagaOutcomeMetrics(metrics);
  // The expiry job and the data-platform consumer get a pool of their own, so neither can starve
  // the requests and the saga consumer of connections (a platform outage holds one per attempt).
  const background = guardedPool({ connectionString: config.DATABASE_URL, max: 10 }, (error) =>
    logger.warn({ err: error, component: 'background' }, 'database connection lost'),
  );
  const runInBackground = pgTransactionRunner(background, DEFAULT_TRANSACTION_LIMITS);
  const waiter = new PgChangeWaiter(
    config.DATABASE_URL,
    ORDER_CHANGED_CHANNEL,
    logger.child({ component: 'order-waiter' }),
  );
  await waiter.start();

  const kafka = createKafka({ clientId: 'order-service-data-platform', brokers: config.KAFKA_BROKERS, logger });
  const delivery = dataPlatformConsumer({
    kafka,
    runInTransaction: runInBackground,
    logger: logger.child({ component: 'data-platform' }),
    target: { url: config.DATA_PLATFORM_URL, timeoutMs: config.DATA_PLATFORM_TIMEOUT_MS },
    maxAttempts: config.DATA_PLATFORM_MAX_ATTEMPTS,
    metrics,
    logFields: orderLogFields.event,
  });
  let expiry: { stop: () => Promise<void> } | undefined;

  const running = await runService(
    {
      name: 'order-service',
      env: orderServiceEnv,
      createDatabase,
      transactions: pgTransactionRunner,
      topics: PLATFORM_TOPICS,
      logFields: orderLogFields,
      subscribesTo: ['stock', 'coupon', 'payment'],
      otherConsumerGroups: [DATA_PLATFORM_DELIVERY_GROUP],
      metrics,
      reactions: () => orderReactions({ paymentWindowMs: config.ORDER_PAYMENT_WINDOW_MS, outcomes }),
      routes: ({ runInTransaction, sql }) => orderRoutes({ runInTransaction, reads: sql, waiter, outcomes }),
      drain: [
        { name: 'data-platform consumer', stop: () => delivery.stop() },
        { name: 'expiry job', stop: async () => expiry?.stop() },
        { name: 'order waiter', stop: () => waiter.stop() },
        { name: 'background database', stop: () => background.end() },
      ],
    },
    options,
  );
  if (options.backgroundWork !== false) {
    await delivery.start();
    expiry = startExpiryJob(runInBackground, {
      intervalMs: config.ORDER_EXPIRY_INTERVAL_MS,
      graceMs: config.ORDER_EXPIRY_GRACE_MS,
      logger: logger.child({ component: 'expiry' }),
      outcomes,
    });
  }
  // The outcomes it counts: a test that runs the expiry itself counts into these.
  return { ...running, outcomes };
}
