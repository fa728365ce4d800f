import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { TokenPairView, UserView } from '@sneakers/shared';
import {
  accessTokenVerifier,
  createHttpApp,
  createLogger,
  type Identity,
  prismaTransactionRunner,
} from '@sneakers/shared';
import { createTestDatabase } from '@sneakers/shared/testing';
import type { Express } from 'express';
import request from 'supertest';
import { userRoutes } from '../../src/app';
import { PasswordHasher } from '../../src/auth/password-hasher';
import { SigningKeys } from '../../src/auth/signing-keys';
import type { UserServiceDeps } from '../../src/deps';
import type { PrismaClient } from '../../src/generated/prisma/client';
import { createPrisma } from '../../src/prisma';
import { seedAdmin } from '../../src/user/use-cases/seed-admin/seed-admin.use-case';

/** Cheap scrypt for tests (the parameters travel with each hash, so nothing else changes). */
export const FAST_SCRYPT = { logN: 10, r: 8, p: 1 };
export const PASSWORD = 'correct horse battery';
export const ADMIN = { email: 'admin@sneakers.test', password: 'admin-test-password' };
export const PROBLEM = 'https://sneakers.example/problems/';
const DAY_S = 24 * 60 * 60;

export const uniqueEmail = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}@example.com`;

export interface Actor {
  identity: Identity;
  email: string;
  accessToken: string;
  refreshToken: string;
}

/**
 * user-service in-process on a fresh database: the real routes, use cases and key store, with a
 * clock tests can move forward.
 */
export async function createUserWorld() {
  const database = await createTestDatabase(path.resolve(__dirname, '../..'));
  const prisma = createPrisma(database.url);
  let offsetMs = 0;
  const signingKeys = new SigningKeys(prisma);
  const deps: UserServiceDeps = {
    db: prisma,
    runInTransaction: prismaTransactionRunner(prisma),
    passwords: new PasswordHasher(FAST_SCRYPT),
    signingKeys,
    refreshTokenTtlSeconds: 30 * DAY_S,
    now: () => new Date(Date.now() + offsetMs),
  };
  await signingKeys.rotateIfDue(deps.now(), 90 * DAY_S * 1000);
  const app: Express = createHttpApp({
    logger: createLogger('user-service-test', process.env.TEST_LOG_LEVEL ?? 'silent'),
    routes: userRoutes(deps),
    readiness: [],
    verifyAccessToken: accessTokenVerifier(signingKeys.keySet()),
  });

  const http = () => request(app);

  async function logIn(email: string, password = PASSWORD): Promise<TokenPairView> {
    const res = await http().post('/auth/login').send({ email, password });
    if (res.status !== 200) throw new Error(`log-in of ${email} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async function signUp(role: 'buyers' | 'sellers', email = uniqueEmail(role)): Promise<UserView> {
    const body =
      role === 'sellers'
        ? { email, password: PASSWORD, storeName: `Store of ${email}` }
        : { email, password: PASSWORD };
    const res = await http().post(`/users/${role}`).send(body);
    if (res.status !== 201) throw new Error(`sign-up of ${email} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async function actor(user: UserView, password = PASSWORD): Promise<Actor> {
    const { accessToken, refreshToken } = await logIn(user.email, password);
    const sellerStatus = user.seller?.status;
    return {
      identity: { userId: user.id, role: user.role, ...(sellerStatus ? { sellerStatus } : {}) },
      email: user.email,
      accessToken,
      refreshToken,
    };
  }

  async function admin(): Promise<Actor> {
    await seedAdmin(deps, ADMIN);
    const found = await prisma.user.findUniqueOrThrow({ where: { email: ADMIN.email } });
    const { accessToken, refreshToken } = await logIn(ADMIN.email, ADMIN.password);
    return { identity: { userId: found.id, role: 'ADMIN' }, email: ADMIN.email, accessToken, refreshToken };
  }

  /** A seller moved to `status` by an admin through the API, then logged in (so its token says so). */
  async function seller(status: 'PENDING' | 'APPROVED' | 'SUSPENDED', by?: Actor): Promise<Actor> {
    const user = await signUp('sellers');
    if (status !== 'PENDING') {
      const decider = by ?? (await admin());
      const decision = status === 'APPROVED' ? 'approve' : 'suspend';
      const res = await http()
        .post(`/admin/sellers/${user.id}/${decision}`)
        .set('authorization', `Bearer ${decider.accessToken}`);
      if (res.status !== 200) throw new Error(`${decision} answered ${res.status}: ${JSON.stringify(res.body)}`);
    }
    return actor({ ...user, seller: user.seller && { ...user.seller, status } });
  }

  /** One of each kind of caller the authorization rules distinguish. */
  async function cast() {
    const adminActor = await admin();
    return {
      buyer: await actor(await signUp('buyers')),
      otherBuyer: await actor(await signUp('buyers')),
      pendingSeller: await seller('PENDING'),
      approvedSeller: await seller('APPROVED', adminActor),
      suspendedSeller: await seller('SUSPENDED', adminActor),
      admin: adminActor,
    };
  }

  /** Row counts of every table a request may write, to prove a refused request wrote nothing. */
  async function rowCounts() {
    const [users, refreshTokens, outbox, idempotencyKeys, signingKeys] = await Promise.all([
      prisma.user.count(),
      prisma.refreshToken.count(),
      prisma.outboxEvent.count(),
      prisma.idempotencyKey.count(),
      prisma.signingKey.count(),
    ]);
    return { users, refreshTokens, outbox, idempotencyKeys, signingKeys };
  }

  return {
    app,
    prisma: prisma as PrismaClient,
    deps,
    http,
    logIn,
    signUp,
    actor,
    admin,
    seller,
    cast,
    rowCounts,
    /** Moves the service's clock (not the test's) forward. */
    travel: (ms: number) => {
      offsetMs += ms;
    },
    close: async () => {
      await prisma.$disconnect();
      await database.drop();
    },
  };
}

export type UserWorld = Awaited<ReturnType<typeof createUserWorld>>;
