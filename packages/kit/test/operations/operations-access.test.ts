import request from 'supertest';
import { PROBLEM_BASE } from '../../src';
import { BASE, createOperationsWorld, type OperationsWorld } from './support/operations-world';

const ROUTES = [
  ['get', '/dead-letters'],
  ['post', '/dead-letters/some-topic.dlq:0:1/replay'],
  ['post', '/dead-letters/replay'],
  ['get', '/outbox'],
] as const;

describe('Admin operations: who may call them', () => {
  let ops: OperationsWorld;

  beforeAll(async () => {
    ops = await createOperationsWorld();
  });
  afterAll(() => ops.cleanUp());

  it.each(ROUTES)('When %s %s is called without a token, then 401', async (method, path) => {
    const res = await request(ops.app)[method](`${BASE}${path}`);
    expect(res.status).toBe(401);
    expect(res.type).toBe('application/problem+json');
  });

  it.each(ROUTES)('When a buyer calls %s %s, then 403', async (method, path) => {
    const res = await request(ops.app)[method](`${BASE}${path}`).set('authorization', `Bearer ${ops.tokens.buyer}`);
    expect(res.status).toBe(403);
    expect(res.type).toBe('application/problem+json');
  });

  it('When an admin replays a letter that does not exist, then 404 dead-letter-not-found', async () => {
    for (const id of ['some-topic.dlq:0:1', encodeURIComponent(`${ops.world.dlqTopic}:0:999`)]) {
      const res = await ops.asAdmin('post', `/dead-letters/${id}/replay`);
      expect(res.status).toBe(404);
      expect(res.type).toBe('application/problem+json');
      expect(res.body.type).toBe(`${PROBLEM_BASE}operations/dead-letter-not-found`);
    }
  });

  it('When an admin replays an id that is not <topic>:<partition>:<offset>, then 400 before any query', async () => {
    for (const id of ['nope', '%00', 'a:b:c', `t:0:${'9'.repeat(20)}`]) {
      const res = await ops.asAdmin('post', `/dead-letters/${id}/replay`);
      expect(res.status).toBe(400);
      expect(res.body.type).toBe(`${PROBLEM_BASE}http/validation-failed`);
    }
  });

  it('When an admin sends a cursor that was never issued, then 400', async () => {
    const res = await ops.asAdmin('get', '/dead-letters?cursor=garbage');
    expect(res.status).toBe(400);
    expect(res.body.type).toBe(`${PROBLEM_BASE}http/invalid-cursor`);
  });
});
