import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { TokenPairView, UserView } from '@sneakers/contracts';
import type { Identity } from '@sneakers/kit';
import { startTestService } from '@sneakers/kit/testing';
import request from 'supertest';
import { startUserService } from '../../src/service';

/** Cheap scrypt for tests (the parameters travel with each hash, so nothing else changes). */
export const FAST_SCRYPT = { logN: 10, r: 8, p: 1 };
export const PASSWORD = 'correct horse battery';
export const ADMIN = { email: 'admin@sneakers.test', password: 'admin-test-password' };
export const PROBLEM = 'https://sneakers.example/problems/';

export const uniqueEmail = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}@example.com`;

export interface Actor {
  identity: Identity;
  email: string;
  accessToken: string;
  refreshToken: string;
}

/**
 * user-service as its main starts it, in-process on a fresh database and a free port (the real
 * routes, use cases, key store and start-up admin), with a clock tests can move forward.
 */
export async function createUserWorld() {
  let offsetMs = 0;
  const service = await startTestService(
    path.resolve(__dirname, '../..'),
    (options) => startUserService({ ...options, now: () => new Date(Date.now() + offsetMs), scrypt: FAST_SCRYPT }),
    { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
  );
  const { prisma, deps } = service;

  const http = () => request(service.server);

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

  /** The admin the service seeded on start-up (from ADMIN_EMAIL and ADMIN_PASSWORD). */
  async function admin(): Promise<Actor> {
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
    prisma,
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
    close: service.close,
  };
}

export type UserWorld = Awaited<ReturnType<typeof createUserWorld>>;
