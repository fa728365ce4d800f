import { randomUUID } from 'node:crypto';
import { createTestTokens } from '@sneakers/kit/testing';
import request from 'supertest';
import { useGateway } from './support/gateway-fixture';

const P = 'https://sneakers.example/problems/';

describe('Gateway authorization', () => {
  const gateway = useGateway({ fixture: {} });
  const callers: Record<string, string | undefined> = {};

  beforeAll(async () => {
    const { sign } = gateway.fixture().tokens;
    callers.anonymous = undefined;
    callers.buyer = await sign({ userId: randomUUID(), role: 'BUYER' });
    callers.pendingSeller = await sign({ userId: randomUUID(), role: 'SELLER', sellerStatus: 'PENDING' });
    callers.approvedSeller = await sign({ userId: randomUUID(), role: 'SELLER', sellerStatus: 'APPROVED' });
    callers.admin = await sign({ userId: randomUUID(), role: 'ADMIN' });
  });

  const matrix: Array<[string, string, string, Record<string, number>]> = [
    ['get', '/things', '', { anonymous: 200, buyer: 200, pendingSeller: 200, approvedSeller: 200, admin: 200 }],
    [
      'post',
      '/wallet/things',
      '{"amount":1}',
      { anonymous: 401, buyer: 201, pendingSeller: 403, approvedSeller: 403, admin: 403 },
    ],
    [
      'post',
      '/seller/things/t1',
      '{}',
      // The seller's status is the service's to judge: a token may predate an approval it knows of.
      { anonymous: 401, buyer: 403, pendingSeller: 201, approvedSeller: 201, admin: 201 },
    ],
    ['get', '/admin/things', '', { anonymous: 401, buyer: 403, pendingSeller: 403, approvedSeller: 403, admin: 200 }],
  ];

  for (const [method, path, body, expected] of matrix) {
    for (const [caller, status] of Object.entries(expected)) {
      it(`When ${caller} calls ${method.toUpperCase()} ${path}, then the gateway answers ${status}`, async () => {
        const token = callers[caller];
        let req = request(gateway.fixture().app)[method as 'get' | 'post'](path);
        if (token) req = req.set('authorization', `Bearer ${token}`);
        if (body) req = req.set('content-type', 'application/json').send(body);
        const res = await req;
        expect(res.status).toBe(status);
        if (status >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
      });
    }
  }

  it.each([
    [
      'expired',
      async () => gateway.fixture().tokens.sign({ userId: randomUUID(), role: 'BUYER' }, { expiresIn: -60 }),
      'auth/token-expired',
    ],
    [
      'signed by another key',
      async () => (await createTestTokens()).sign({ userId: randomUUID(), role: 'BUYER' }),
      'auth/invalid-token',
    ],
    ['malformed', async () => 'not.a.jwt', 'auth/invalid-token'],
    ['not even three parts', async () => 'garbage', 'auth/invalid-token'],
  ])('When the token is %s, then the answer is a 401 problem', async (_name, token, type) => {
    const res = await request(gateway.fixture().app)
      .get('/admin/things')
      .set('authorization', `Bearer ${await token()}`);
    expect(res.status).toBe(401);
    expect(res.body.type).toBe(`${P}${type}`);
  });
});
