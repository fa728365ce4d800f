import { PLATFORM_TOPICS } from '@sneakers/contracts';
import {
  accessTokenVerifier,
  createLogger,
  loadConfigOrExit,
  prismaTransactionRunner,
  runService,
  type ServiceStartOptions,
} from '@sneakers/kit';
import { userRoutes } from './app';
import { PasswordHasher, type ScryptParams } from './auth/password-hasher';
import { SigningKeys } from './auth/signing-keys';
import { userServiceEnv } from './config';
import { createDatabase } from './prisma';
import { reactions } from './reactions';
import { seedAdmin } from './user/use-cases/seed-admin/seed-admin.use-case';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface UserStartOptions extends ServiceStartOptions {
  /** What tokens, sessions and key rotation are timed by; a test moves it forward. */
  now?: () => Date;
  /** Production's scrypt cost unless a test wants cheap hashes. */
  scrypt?: ScryptParams;
}

export async function startUserService({ now = () => new Date(), scrypt, ...options }: UserStartOptions = {}) {
  const config = loadConfigOrExit(userServiceEnv, options.env);
  const logger = createLogger('user-service', config.LOG_LEVEL);
  // One client for the start-up work and the service, which takes it over (and closes it on stop).
  const database = createDatabase(config.DATABASE_URL, logger);
  const { prisma } = database;
  const signingKeys = new SigningKeys(prisma);
  const deps = {
    db: prisma,
    passwords: new PasswordHasher(scrypt),
    signingKeys,
    refreshTokenTtlSeconds: config.REFRESH_TOKEN_TTL_DAYS * 24 * 60 * 60,
    now,
  };

  await signingKeys.rotateIfDue(now(), config.SIGNING_KEY_ROTATION_DAYS * DAY_MS);
  const admin = await seedAdmin(
    { ...deps, runInTransaction: prismaTransactionRunner(prisma) },
    { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD },
  );
  logger.info({ email: config.ADMIN_EMAIL, admin }, 'admin account checked');

  const running = await runService(
    {
      name: 'user-service',
      env: userServiceEnv,
      createDatabase: () => database,
      topics: PLATFORM_TOPICS,
      // Its own key store, not its own JWKS over HTTP: no self-call, and JWKS_URL need not follow PORT.
      verifyAccessToken: accessTokenVerifier(signingKeys.keySet()),
      subscribesTo: [],
      reactions: () => reactions,
      routes: ({ runInTransaction }) => userRoutes({ ...deps, runInTransaction }),
    },
    options,
  );
  // What its routes run on: tests call the use cases (and watch the key store) with the same.
  return { ...running, deps: { ...deps, runInTransaction: running.runInTransaction } };
}
