import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { createHttpApp } from '../../../src';
import { startOperations } from '../../../src/operations';
import { createTestTokens, uniqueName } from '../../../src/testing';
import { type CounterWorld, logger } from '../../support/counter-fixture';
import { createWorld } from '../../support/world-setup';

export const SERVICE = 'order-service';
export const BASE = `/admin/operations/${SERVICE}`;

export interface OperationsWorld {
  world: CounterWorld;
  app: Express;
  tokens: { admin: string; buyer: string };
  /** A request as the admin. */
  asAdmin: (method: 'get' | 'post', path: string) => request.Test;
  cleanUp: () => Promise<void>;
}

/**
 * The counter world's consumer group, archived and served by the operations routes of one
 * service, in an app with real token checks (the same wiring runService does).
 */
export async function createOperationsWorld(): Promise<OperationsWorld> {
  const { world, cleanUp } = await createWorld();
  const operations = await startOperations({
    service: SERVICE,
    kafka: world.kafka,
    db: world.prisma,
    runInTransaction: (work) => world.prisma.$transaction(work, { timeout: 30_000 }),
    logger,
    consumerGroups: [world.groupId],
    archiveGroupId: uniqueName('archive'),
  });
  const signer = await createTestTokens();
  const app = createHttpApp({ logger, routes: [operations.router], readiness: [], verifyAccessToken: signer.verifier });
  const tokens = {
    admin: await signer.sign({ userId: randomUUID(), role: 'ADMIN' }),
    buyer: await signer.sign({ userId: randomUUID(), role: 'BUYER' }),
  };
  return {
    world,
    app,
    tokens,
    asAdmin: (method, path) => request(app)[method](`${BASE}${path}`).set('authorization', `Bearer ${tokens.admin}`),
    cleanUp: async () => {
      await operations.stop();
      await cleanUp();
    },
  };
}
