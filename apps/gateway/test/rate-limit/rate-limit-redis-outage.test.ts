import { eventually, PrivateRedis } from '@sneakers/kit/testing';
import express from 'express';
import { Redis } from 'ioredis';
import request from 'supertest';
import { rateLimiter } from '../../src/rate-limit/rate-limiter';

const PER_MINUTE = 3;

describe('The rate limiter while Redis comes and goes', () => {
  const server = new PrivateRedis();
  let redis: Redis;

  afterAll(async () => {
    redis.disconnect();
    await server.stop();
  });

  it('When the gateway starts while Redis is away, then requests pass meanwhile and are limited again once Redis is back', async () => {
    // As the gateway's client: no offline queue, so a count fails at once while Redis is away.
    redis = new Redis(server.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    redis.on('error', () => undefined);
    const app = express()
      .use(rateLimiter(redis, PER_MINUTE))
      .get('/', (_req, res) => void res.send('ok'));
    const statuses = async (n: number) => {
      const answers: number[] = [];
      for (let i = 0; i < n; i++) answers.push((await request(app).get('/')).status);
      return answers;
    };

    expect(await statuses(PER_MINUTE + 1)).toEqual(Array(PER_MINUTE + 1).fill(200)); // fails open

    await server.start();
    const back = Date.now();
    while (redis.status !== 'ready' && Date.now() - back < 5_000) await new Promise((r) => setTimeout(r, 20));
    expect(await statuses(PER_MINUTE + 1)).toEqual([...Array(PER_MINUTE).fill(200), 429]);

    // The server drops the connection (CLIENT KILL): the limit holds again as soon as it reconnects.
    const admin = new Redis(server.url);
    await admin.client('KILL', 'ADDR', `127.0.0.1:${redis.stream.localPort}`);
    admin.disconnect();
    const killed = Date.now();
    await eventually(
      'the limit counted again',
      async () => (await statuses(1))[0],
      (status) => status === 429,
      {
        timeoutMs: 5_000,
        intervalMs: 20,
      },
    );
    expect(Date.now() - killed).toBeLessThan(1_000);
  });
});
