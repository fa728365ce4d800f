import type { RequestHandler } from 'express';
import type { JWTVerifyGetKey } from 'jose';
import type { Pool } from 'pg';
import type { z } from 'zod';
import {
  type AccessTokenVerifier,
  accessTokenVerifier,
  findSellerStatus,
  remoteKeySet,
  withCurrentSellerStatus,
} from '../auth';
import { loadConfigOrExit, type ServiceEnv } from '../config';
import {
  closeServiceDatabase,
  DEFAULT_TRANSACTION_LIMITS,
  guardedPool,
  pgSqlExecutor,
  prismaTransactionRunner,
  type ServiceDatabase,
  type SqlExecutor,
  type TransactionalClient,
  type TransactionLimits,
  type TransactionRunner,
} from '../db';
import {
  createHttpApp,
  type ReadinessCheck,
  type RequestLogFields,
  type RunningServer,
  type Stoppable,
  serve,
} from '../http';
import { EventConsumer, type EventConsumerOptions, type EventLogFields, type Reaction } from '../inbox';
import { createKafka, deadLetterTopics, ensureTopics, eventTopic, type TopicSpec } from '../kafka';
import { createLogger, type Logger } from '../logging/logger';
import { createServiceMetrics, type ServiceMetrics } from '../metrics';
import { startOperations } from '../operations';
import { OutboxRelay } from '../outbox';
import { shutdownTelemetry } from '../telemetry';

/** The parts of a generated Prisma client the runtime needs. */
export interface ServicePrisma<Tx extends SqlExecutor> extends SqlExecutor, TransactionalClient<Tx> {
  $disconnect: () => Promise<void>;
}

export interface ServiceDefinition<
  Tx extends SqlExecutor,
  Env extends ServiceEnv,
  Prisma extends ServicePrisma<Tx> = ServicePrisma<Tx>,
> {
  name: string;
  /** Its variables: `serviceEnv({ port, database })`, extended with its own where needed. */
  env: z.ZodType<Env>;
  /** Its Prisma client and the pool under it; the logger is for dropped connections (see createServiceDatabase). */
  createDatabase: (databaseUrl: string, logger: Logger) => ServiceDatabase<Prisma>;
  /**
   * What its transactions run on: Prisma's interactive transactions unless the service says
   * otherwise. A service whose transactional work is all raw SQL (`Tx` is `SqlExecutor`) passes
   * `pgTransactionRunner`, which runs the same statements for about a third of the client CPU.
   */
  transactions?: (pool: Pool, limits: TransactionLimits) => TransactionRunner<Tx>;
  /** The platform's topics, made sure to exist before anything starts: the broker creates none itself. */
  topics: readonly TopicSpec[];
  /** What this service reacts to, by aggregate type of the topics it reads. */
  subscribesTo?: string[];
  /**
   * Consumer groups the service runs besides the one named after it: each gets its dead-letter
   * topic made here, and its dead letters archived and served by the operations routes.
   */
  otherConsumerGroups?: string[];
  reactions?: (deps: { config: Env }) => Reaction<Tx>[];
  /** Row locks a run of events takes first, in one global order (see `EventConsumerOptions.lockRun`). */
  lockRun?: EventConsumerOptions<Tx>['lockRun'];
  /** user-service verifies with its own key store; everyone else fetches the JWKS (the default). */
  verifyAccessToken?: AccessTokenVerifier;
  /**
   * The service keeps sellers' statuses (its `seller_statuses` table, fed by its reactions to
   * seller.approved / seller.suspended) and judges sellers by them where newer than the token.
   */
  keepsSellerStatuses?: boolean;
  /** Extra dependencies the service cannot serve without (e.g. Redis), checked by /health/ready. */
  readiness?: ReadinessCheck[];
  /** Extra connections to close on shutdown, after consumers and relay, before the database. */
  drain?: Stoppable[];
  /** Passed in by a service that counts its own outcomes too; otherwise made here. */
  metrics?: ServiceMetrics;
  /** What its log lines about a request or an event carry besides their own ids. */
  logFields?: { request?: RequestLogFields; event?: EventLogFields };
  /** `sql` runs one statement outside a transaction on pg itself (see `transactions`). */
  routes?: (deps: {
    config: Env;
    prisma: Prisma;
    sql: SqlExecutor;
    runInTransaction: TransactionRunner<Tx>;
  }) => RequestHandler[];
}

export interface ServiceStartOptions {
  /** Where the variables come from; several services in one process each get their own. */
  env?: NodeJS.ProcessEnv;
  /**
   * Off when a launcher runs several services in one process: it then owns the signals and the
   * process-wide telemetry, and stops the services itself.
   */
  ownsProcess?: boolean;
  /**
   * Off where a test drives them itself: no outbox relay, no consumers (the service's own, the
   * dead-letter archive) and no background jobs, so the outbox keeps what the service wrote. The
   * HTTP API, the operations routes and the database limits are those of production either way.
   */
  backgroundWork?: boolean;
  /** Trusted instead of the keys at JWKS_URL (a test signs its own tokens); not where the service has its own. */
  accessTokenKeys?: JWTVerifyGetKey;
}

/** A started service, and what its routes and reactions run on (for tests that drive it). */
export interface RunningService<Tx extends SqlExecutor, Prisma extends ServicePrisma<Tx>> extends RunningServer {
  prisma: Prisma;
  runInTransaction: TransactionRunner<Tx>;
  /** What its consumer applies; a test that delivers events itself applies these. */
  reactions: Reaction<Tx>[];
  metrics: ServiceMetrics;
}

/**
 * Starts one service the same way everywhere: config, telemetry, database, topics, outbox relay,
 * consumer, HTTP; and stops them in reverse on SIGTERM so no event or request is cut in half.
 */
export async function runService<Tx extends SqlExecutor, Env extends ServiceEnv, Prisma extends ServicePrisma<Tx>>(
  definition: ServiceDefinition<Tx, Env, Prisma>,
  { env = process.env, ownsProcess = true, backgroundWork = true, accessTokenKeys }: ServiceStartOptions = {},
): Promise<RunningService<Tx, Prisma>> {
  const config = loadConfigOrExit(definition.env, env);
  const logger = createLogger(definition.name, config.LOG_LEVEL);
  const metrics = definition.metrics ?? createServiceMetrics(definition.name);
  const { prisma, pool } = definition.createDatabase(config.DATABASE_URL, logger);
  const limits = { ...DEFAULT_TRANSACTION_LIMITS, maxWaitMs: config.TRANSACTION_MAX_WAIT_MS };
  const runInTransaction = definition.transactions?.(pool, limits) ?? prismaTransactionRunner(prisma, limits);
  const sql = pgSqlExecutor(pool);
  const kafka = createKafka({ clientId: definition.name, brokers: config.KAFKA_BROKERS, logger });

  const otherGroups = definition.otherConsumerGroups ?? [];
  const created = await ensureTopics(kafka, [...definition.topics, ...deadLetterTopics(otherGroups)]);
  if (created.length > 0) logger.info({ topics: created }, 'created topics');

  // One batch at a time plus the backlog gauge's query; its LISTEN connection is its own.
  const relayPool = backgroundWork
    ? guardedPool({ connectionString: config.DATABASE_URL, max: 2 }, (error) =>
        logger.warn({ err: error }, 'relay database connection lost'),
      )
    : undefined;
  const relay = relayPool
    ? new OutboxRelay({
        pool: relayPool,
        kafka,
        logger: logger.child({ component: 'outbox-relay' }),
        batchSize: config.OUTBOX_BATCH_SIZE,
        pollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS,
        metrics,
      })
    : undefined;
  await relay?.start();

  const reactions = definition.reactions?.({ config }) ?? [];
  const consumer =
    backgroundWork && reactions.length > 0
      ? new EventConsumer<Tx>({
          kafka,
          groupId: definition.name,
          topics: (definition.subscribesTo ?? []).map(eventTopic),
          reactions,
          runInTransaction,
          logger: logger.child({ component: 'consumer' }),
          metrics,
          // A service's reactions only change its own database (see Reaction), so a crowd's events
          // can share transactions: one commit for a run instead of one per event.
          shareTransactions: true,
          lockRun: definition.lockRun,
          logFields: definition.logFields?.event,
        })
      : undefined;
  await consumer?.start();
  const operations = await startOperations({
    service: definition.name,
    kafka,
    db: prisma,
    runInTransaction,
    logger,
    archivesDeadLetters: backgroundWork,
    consumerGroups: [definition.name, ...otherGroups],
  });

  const admin = kafka.admin();
  await admin.connect();
  const verifyAccessToken =
    definition.verifyAccessToken ?? accessTokenVerifier(accessTokenKeys ?? remoteKeySet(config.JWKS_URL));
  const app = createHttpApp({
    logger,
    metrics,
    requestLogFields: definition.logFields?.request,
    bodyLimit: config.HTTP_BODY_LIMIT,
    verifyAccessToken: definition.keepsSellerStatuses
      ? withCurrentSellerStatus(verifyAccessToken, (sellerId) => findSellerStatus(sql, sellerId))
      : verifyAccessToken,
    routes: [...(definition.routes?.({ config, prisma, sql, runInTransaction }) ?? []), operations.router],
    readiness: [
      { name: 'database', check: async () => void (await sql.$queryRawUnsafe('SELECT 1')) },
      { name: 'kafka', check: async () => void (await admin.describeCluster()) },
      ...(definition.readiness ?? []),
    ],
  });

  const drain: Stoppable[] = [
    // Each consumer may wait out a fetch before it leaves: the two stop side by side.
    {
      name: 'consumers',
      stop: () => Promise.all([consumer?.stop(), operations.stop()]).then(() => undefined),
    },
    { name: 'outbox relay', stop: async () => relay?.stop() },
    { name: 'kafka admin', stop: () => admin.disconnect() },
    ...(definition.drain ?? []),
    {
      name: 'database',
      stop: async () => Promise.all([closeServiceDatabase({ prisma, pool }), relayPool?.end()]).then(() => undefined),
    },
    ...(ownsProcess ? [{ name: 'telemetry', stop: shutdownTelemetry }] : []),
  ];
  const running = await serve(app, { port: config.PORT, host: config.HOST, logger, drain, handleSignals: ownsProcess });
  return { ...running, prisma, runInTransaction, reactions, metrics };
}
