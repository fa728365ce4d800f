import { randomUUID } from 'node:crypto';
import { ACCESS_TOKEN } from '@sneakers/kit';
import { createTestTokens } from '@sneakers/kit/testing';
import { SignJWT } from 'jose';
import type { Response } from 'supertest';
import { issueAccessToken } from '../../src/auth/access-token-issuer';
import { findUserById } from '../../src/user/user.repository';
import { type Actor, createUserWorld, PASSWORD, PROBLEM, type UserWorld, uniqueEmail } from '../support/user-world';

type Send = (world: UserWorld) => Promise<Response>;
interface BadInput {
  name: string;
  send: Send;
  status: number;
  type: string;
}

const VALIDATION = 'http/validation-failed';
const post = (path: string, body: unknown, headers: Record<string, string> = {}): Send => {
  return async (world) =>
    world
      .http()
      .post(path)
      .set(headers)
      .send(body as object);
};
const raw = (path: string, contentType: string, body: string): Send => {
  return async (world) => world.http().post(path).set('content-type', contentType).send(body);
};
const email = () => uniqueEmail('bad');
const huge = 'x'.repeat(10_000);

/** Bodies every JSON endpoint must refuse the same way. */
const bodyCases = (path: string, valid: () => Record<string, unknown>): BadInput[] => [
  { name: `${path}: an extra field`, send: post(path, { ...valid(), isAdmin: true }), status: 400, type: VALIDATION },
  { name: `${path}: an empty body`, send: post(path, {}), status: 400, type: VALIDATION },
  { name: `${path}: a JSON array`, send: post(path, [valid()]), status: 400, type: VALIDATION },
  { name: `${path}: null`, send: raw(path, 'application/json', 'null'), status: 400, type: 'http/malformed-json' },
  {
    name: `${path}: malformed JSON`,
    send: raw(path, 'application/json', '{"email":'),
    status: 400,
    type: 'http/malformed-json',
  },
  {
    name: `${path}: text/plain`,
    send: raw(path, 'text/plain', JSON.stringify(valid())),
    status: 415,
    type: 'http/unsupported-media-type',
  },
  {
    name: `${path}: a form`,
    send: raw(path, 'application/x-www-form-urlencoded', 'email=a'),
    status: 415,
    type: 'http/unsupported-media-type',
  },
  {
    name: `${path}: over the body limit`,
    send: post(path, { ...valid(), pad: 'x'.repeat(70_000) }),
    status: 413,
    type: 'http/payload-too-large',
  },
];

const signUpBuyer = () => ({ email: email(), password: PASSWORD });
const signUpSeller = () => ({ email: email(), password: PASSWORD, storeName: 'Bad Input Kicks' });

const publicCases: BadInput[] = [
  ...bodyCases('/users/buyers', signUpBuyer),
  ...[
    ['no email', { password: PASSWORD }],
    ['no password', { email: email() }],
    ['a number as email', { email: 42, password: PASSWORD }],
    ['an email that is not one', { email: 'not-an-email', password: PASSWORD }],
    ['a 10 000-character email', { email: `${huge}@example.com`, password: PASSWORD }],
    ['a 7-character password', { email: email(), password: '1234567' }],
    ['a 129-character password', { email: email(), password: 'p'.repeat(129) }],
    ['a password that is an object', { email: email(), password: { $gt: '' } }],
    ['a store name (buyers have none)', { ...signUpBuyer(), storeName: 'x' }],
  ].map(([name, body]) => ({
    name: `/users/buyers: ${name}`,
    send: post('/users/buyers', body),
    status: 400,
    type: VALIDATION,
  })),
  {
    name: '/users/buyers: an Idempotency-Key with spaces',
    send: post('/users/buyers', signUpBuyer(), { 'idempotency-key': 'not a key' }),
    status: 400,
    type: 'idempotency/invalid-key',
  },
  {
    name: '/users/buyers: a garbage bearer token, even on a public route',
    send: post('/users/buyers', signUpBuyer(), { authorization: 'Bearer garbage' }),
    status: 401,
    type: 'auth/invalid-token',
  },
  ...bodyCases('/users/sellers', signUpSeller),
  ...[
    ['no store name', { email: email(), password: PASSWORD }],
    ['a blank store name', { ...signUpSeller(), storeName: '   ' }],
    ['a 101-character store name', { ...signUpSeller(), storeName: 's'.repeat(101) }],
    ['a number as store name', { ...signUpSeller(), storeName: 7 }],
    ['a role', { ...signUpSeller(), role: 'ADMIN' }],
  ].map(([name, body]) => ({
    name: `/users/sellers: ${name}`,
    send: post('/users/sellers', body),
    status: 400,
    type: VALIDATION,
  })),
  ...bodyCases('/auth/login', () => ({ email: email(), password: PASSWORD })),
  ...[
    ['no password', { email: email() }],
    ['an empty password', { email: email(), password: '' }],
    ['a 10 000-character password', { email: email(), password: huge }],
    ['an array as email', { email: [email()], password: PASSWORD }],
  ].map(([name, body]) => ({
    name: `/auth/login: ${name}`,
    send: post('/auth/login', body),
    status: 400,
    type: VALIDATION,
  })),
  ...['/auth/refresh', '/auth/logout'].flatMap((path) => [
    ...bodyCases(path, () => ({ refreshToken: 'some-token' })),
    ...[
      ['no token', {}],
      ['an empty token', { refreshToken: '' }],
      ['a number', { refreshToken: 12345 }],
      ['a 10 000-character token', { refreshToken: huge }],
    ].map(([name, body]) => ({ name: `${path}: ${name}`, send: post(path, body), status: 400, type: VALIDATION })),
  ]),
];

describe('Bad input on every endpoint: a 4xx problem+json with a stable type, and nothing written', () => {
  let world: UserWorld;
  let admin: Actor;
  let buyer: Actor;
  let sellerId: string;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    world = await createUserWorld();
    admin = await world.admin();
    buyer = await world.actor(await world.signUp('buyers'));
    sellerId = (await world.signUp('sellers')).id;
  });
  afterAll(() => world.close());

  async function expectRefused({ send, status, type }: BadInput) {
    const before = await world.rowCounts();

    const res = await send(world);

    expect({ status: res.status, type: res.body.type }).toEqual({ status, type: `${PROBLEM}${type}` });
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(await world.rowCounts()).toEqual(before);
  }

  it.each(publicCases)('When $name, then it answers $status', (badInput) => expectRefused(badInput));

  /** Tokens that must not get anyone in, on every route that needs one. */
  const badTokens: Array<[string, () => Promise<Record<string, string>>, string]> = [
    ['a malformed JWT', async () => bearer('abc.def.ghi'), 'auth/invalid-token'],
    [
      'a non-Bearer scheme',
      async () => ({ authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }),
      'auth/invalid-token',
    ],
    [
      'an expired JWT signed by us',
      async () => {
        const user = await findUserById(world.prisma, admin.identity.userId);
        if (!user) throw new Error('admin missing');
        return bearer(
          await issueAccessToken(
            world.prisma,
            world.deps.signingKeys,
            user,
            new Date(Date.now() - 2 * ACCESS_TOKEN.ttlSeconds * 1000),
          ),
        );
      },
      'auth/token-expired',
    ],
    [
      'an admin JWT signed by a foreign key',
      async () => bearer(await (await createTestTokens()).sign(admin.identity)),
      'auth/invalid-token',
    ],
    [
      'an unsigned (alg none) admin JWT',
      async () => {
        const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
        const claims = {
          sub: admin.identity.userId,
          role: 'ADMIN',
          iss: ACCESS_TOKEN.issuer,
          aud: ACCESS_TOKEN.audience,
          exp: 9e9,
        };
        return bearer(`${part({ alg: 'none' })}.${part(claims)}.`);
      },
      'auth/invalid-token',
    ],
    [
      'a JWT signed by our key for another audience',
      async () => {
        const { kid, alg, privateKey } = await world.deps.signingKeys.current(world.prisma);
        const token = await new SignJWT({ role: 'ADMIN' })
          .setProtectedHeader({ alg, kid })
          .setSubject(admin.identity.userId)
          .setIssuer(ACCESS_TOKEN.issuer)
          .setAudience('someone-else')
          .setExpirationTime('5m')
          .sign(privateKey);
        return bearer(token);
      },
      'auth/invalid-token',
    ],
  ];
  const protectedRoutes: Array<[string, (headers: Record<string, string>) => Promise<Response>]> = [
    ['GET /users/me', async (headers) => world.http().get('/users/me').set(headers)],
    ['GET /admin/users', async (headers) => world.http().get('/admin/users').set(headers)],
    ['POST approve', async (headers) => world.http().post(`/admin/sellers/${sellerId}/approve`).set(headers)],
    ['POST suspend', async (headers) => world.http().post(`/admin/sellers/${sellerId}/suspend`).set(headers)],
  ];

  describe.each(protectedRoutes)('%s', (_, call) => {
    it.each(badTokens)('When sent with %s, then it answers 401', async (_, headers, type) =>
      expectRefused({ name: '', status: 401, type, send: async () => call(await headers()) }),
    );
  });

  it.each([
    ['a seller id that is not a UUID', 'approve', 'not-a-uuid', {}, 400, VALIDATION],
    ['a 5 000-character seller id', 'suspend', huge.slice(0, 5000), {}, 400, VALIDATION],
    [
      'an Idempotency-Key of 256 characters',
      'approve',
      '',
      { 'idempotency-key': 'k'.repeat(256) },
      400,
      'idempotency/invalid-key',
    ],
  ] as const)('When an admin sends %s, then it answers 400', async (_, decision, id, headers, status, type) =>
    expectRefused({
      name: '',
      status,
      type,
      send: async () =>
        world
          .http()
          .post(`/admin/sellers/${id || sellerId}/${decision}`)
          .set({ ...bearer(admin.accessToken), ...headers }),
    }),
  );

  it.each([
    ['limit=0', { limit: 0 }],
    ['limit=abc', { limit: 'abc' }],
    ['role twice', { role: ['BUYER', 'SELLER'] }],
    ['an unknown parameter', { orderBy: 'email' }],
  ])('When an admin lists users with %s, then it answers 400', async (_, query) =>
    expectRefused({
      name: '',
      status: 400,
      type: VALIDATION,
      send: async () => world.http().get('/admin/users').query(query).set(bearer(admin.accessToken)),
    }),
  );

  it('When a buyer sends an admin-only request with a valid token, then it is 403 and nothing changes', async () =>
    expectRefused({
      name: '',
      status: 403,
      type: 'auth/forbidden',
      send: async () => world.http().post(`/admin/sellers/${sellerId}/approve`).set(bearer(buyer.accessToken)),
    }));

  it('When the sign-up would hit the 409 path with an Idempotency-Key, then the key is not stored either', async () =>
    expectRefused({
      name: '',
      status: 409,
      type: 'user/email-taken',
      send: async () =>
        world
          .http()
          .post('/users/buyers')
          .set('idempotency-key', randomUUID())
          .send({ email: buyer.email, password: PASSWORD }),
    }));
});
