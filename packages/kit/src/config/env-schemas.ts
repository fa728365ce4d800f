import { z } from 'zod';
import { DEFAULT_TRANSACTION_LIMITS } from '../db/transaction-runner';
import { IN_PROCESS_BROKER } from '../embedded/process-bus';

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL');

const brokerList = z
  .string()
  .min(1)
  .transform((value) => value.split(',').map((broker) => broker.trim()))
  .refine(
    (brokers) => brokers.join() === IN_PROCESS_BROKER || brokers.every((b) => /^[^:\s]+:\d+$/.test(b)),
    `must be host:port[,host:port...] or ${IN_PROCESS_BROKER}`,
  );

/** The REDIS_URL that selects in-process stand-ins (the embedded mode) instead of a Redis server. */
export const IN_MEMORY_REDIS = 'memory://';

/** A Redis server, or IN_MEMORY_REDIS. */
export const redisUrl = z
  .string()
  .regex(/^(rediss?:\/\/.+|memory:\/\/)$/, `must be a redis:// URL or ${IN_MEMORY_REDIS}`)
  .default('redis://127.0.0.1:6379');

/**
 * The variables every service reads, with local defaults so a developer can start a service bare;
 * a service extends the result with its own.
 */
export const serviceEnv = ({ port, database }: { port: number; database: string }) =>
  z.object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    PORT: z.coerce.number().int().min(0).max(65535).default(port),
    /**
     * The interface to listen on. Loopback by default: only the gateway is meant to be reached from
     * outside; a container sets 0.0.0.0 so the gateway's container can reach the service.
     */
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_URL: postgresUrl.default(`postgresql://postgres@127.0.0.1:5432/${database}`),
    /** How long a transaction may wait for a free connection before its request answers 503 (busy). */
    TRANSACTION_MAX_WAIT_MS: z.coerce
      .number()
      .int()
      .min(100)
      .max(120_000)
      .default(DEFAULT_TRANSACTION_LIMITS.maxWaitMs),
    KAFKA_BROKERS: brokerList.default(['127.0.0.1:9092']),
    OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(1000),
    OUTBOX_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
    HTTP_BODY_LIMIT: z.string().default('64kb'),
    /** user-service's public keys; every service verifies tokens itself. */
    JWKS_URL: z.url().default('http://127.0.0.1:3001/.well-known/jwks.json'),
  });

export type ServiceEnv = z.infer<ReturnType<typeof serviceEnv>>;
