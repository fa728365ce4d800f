import { eventually, PrivateRedis, testEnv } from '@sneakers/kit/testing';
import { Redis } from 'ioredis';
import request from 'supertest';
import { type Caller, type CouponApp, createPolicy, policyTerms, startCouponApp } from '../support/coupon-app';

const claim = async (app: CouponApp, policyId: string) => {
  const buyer = await app.caller('BUYER');
  return request(app.server).post(`/coupon-policies/${policyId}/claims`).set('Authorization', buyer.authorization);
};

/** Claims until one is issued again; how long that took. */
const claimsBack = async (app: CouponApp, policyId: string, timeoutMs: number): Promise<number> => {
  const started = Date.now();
  await eventually(
    'a claim issued',
    async () => (await claim(app, policyId)).status,
    (status) => status === 201,
    {
      timeoutMs,
      intervalMs: 20,
    },
  );
  return Date.now() - started;
};

describe('The claim ledger losing its Redis connection', () => {
  describe('killed by the server (CLIENT KILL)', () => {
    let app: CouponApp;
    let seller: Caller;
    let admin: Redis;

    beforeAll(async () => {
      app = await startCouponApp();
      admin = new Redis(testEnv.redisUrl);
      seller = await app.caller('SELLER', 'APPROVED');
    });
    afterAll(async () => {
      admin.disconnect();
      await app.close();
    });

    it('When its connection is killed 5 times, then claims are issued again within a second each time and the process lives', async () => {
      const policyId = await createPolicy(app, seller, policyTerms());
      expect((await claim(app, policyId)).status).toBe(201);

      for (let round = 1; round <= 5; round++) {
        const address = `127.0.0.1:${app.redis.stream.localPort}`;
        expect(await admin.client('KILL', 'ADDR', address)).toBe(1);
        expect(await claimsBack(app, policyId, 5_000)).toBeLessThan(1_000);
        expect(`127.0.0.1:${app.redis.stream.localPort}`).not.toBe(address);
      }
      await expect(app.redis.ping()).resolves.toBe('PONG'); // what /health/ready asks
    });
  });

  describe('stopped for a while', () => {
    const redis = new PrivateRedis();
    let app: CouponApp;
    let seller: Caller;

    beforeAll(async () => {
      await redis.start();
      app = await startCouponApp({ redisUrl: redis.url });
      seller = await app.caller('SELLER', 'APPROVED');
    });
    afterAll(async () => {
      await app.close();
      await redis.stop();
    });

    it('When Redis is stopped 10 s and started again, then claims answer 503 meanwhile, readiness says down, and both come back by themselves', async () => {
      const policyId = await createPolicy(app, seller, policyTerms());
      expect((await claim(app, policyId)).status).toBe(201);

      await redis.stop();
      const down = Date.now();
      while (Date.now() - down < 10_000) {
        const refused = await claim(app, policyId);
        expect([refused.status, refused.body.code]).toEqual([503, 'COUPON.CLAIMS_UNAVAILABLE']);
        await expect(app.redis.ping()).rejects.toThrow();
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }

      await redis.start(); // a new, empty Redis: the ledger is rebuilt from the database
      const back = Date.now();
      await eventually(
        'readiness',
        () => app.redis.ping().catch(() => 'down'),
        (r) => r === 'PONG',
        {
          timeoutMs: 10_000,
          intervalMs: 20,
        },
      );
      expect(Date.now() - back).toBeLessThan(3_000); // ioredis retries at most every 2 s
      await claimsBack(app, policyId, 3_000);
      expect(await app.prisma.userCoupon.count({ where: { policyId } })).toBe(2);
    }, 60_000);
  });
});
