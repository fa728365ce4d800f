import { randomUUID } from 'node:crypto';
import { createLocalJWKSet } from 'jose';
import type { Identity } from '../auth';
import type { RunningServer } from '../http';
import type { ServiceStartOptions } from '../service/run-service';
import { createTestDatabase } from './test-database';
import { testEnv } from './test-env';
import { createTestTokens, type TestTokens } from './test-tokens';

/** A caller: who they are and the Authorization header that proves it. */
export interface Caller {
  userId: string;
  authorization: string;
}

export interface TestService {
  databaseUrl: string;
  /** The keys the service trusts; `caller` signs with them. */
  tokens: TestTokens;
  /** A new user of `role` with a valid token. */
  caller: (role: Identity['role'], sellerStatus?: Identity['sellerStatus']) => Promise<Caller>;
  /** Stops the service as SIGTERM would, then drops its database. */
  close: () => Promise<void>;
}

/**
 * A service started by the function its main calls, in this process: on a fresh database of its
 * workspace, on a free port, trusting the test's token keys, with `env` parsed as its environment
 * and no background work (the test delivers events and runs jobs itself).
 */
export async function startTestService<S extends RunningServer>(
  workspaceDir: string,
  start: (options: ServiceStartOptions) => Promise<S>,
  env: NodeJS.ProcessEnv = {},
): Promise<S & TestService> {
  const database = await createTestDatabase(workspaceDir);
  const tokens = await createTestTokens();
  const running = await start({
    env: {
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      PORT: '0',
      DATABASE_URL: database.url,
      KAFKA_BROKERS: testEnv.kafkaBrokers.join(','),
      REDIS_URL: testEnv.redisUrl,
      ...env,
    },
    ownsProcess: false,
    backgroundWork: false,
    accessTokenKeys: createLocalJWKSet(tokens.jwks),
  }).catch(async (error: unknown) => {
    await database.drop();
    throw error;
  });
  return {
    ...running,
    databaseUrl: database.url,
    tokens,
    caller: async (role, sellerStatus) => {
      const userId = randomUUID();
      const token = await tokens.sign({ userId, role, ...(sellerStatus ? { sellerStatus } : {}) });
      return { userId, authorization: `Bearer ${token}` };
    },
    close: async () => {
      await running.shutdown('test over');
      await database.drop();
    },
  };
}
