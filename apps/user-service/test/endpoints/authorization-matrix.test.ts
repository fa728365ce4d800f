import { ACCESS_TOKEN } from '@sneakers/kit';
import type { Response } from 'supertest';
import { type Actor, createUserWorld, PASSWORD, PROBLEM, type UserWorld, uniqueEmail } from '../support/user-world';

type Caller = 'anonymous' | 'buyer' | 'otherBuyer' | 'pendingSeller' | 'approvedSeller' | 'suspendedSeller' | 'admin';
const CALLERS: Caller[] = [
  'anonymous',
  'buyer',
  'otherBuyer',
  'pendingSeller',
  'approvedSeller',
  'suspendedSeller',
  'admin',
];

const everyone = (status: number) => Object.fromEntries(CALLERS.map((c) => [c, status])) as Record<Caller, number>;
const signedIn = { ...everyone(200), anonymous: 401 };
const adminOnly = { ...everyone(403), anonymous: 401, admin: 200 };

describe('Authorization matrix of every user-service endpoint', () => {
  let world: UserWorld;
  let cast: Record<Exclude<Caller, 'anonymous'>, Actor>;

  /** Each request gets fresh targets, so one caller's call never changes what the next one sees. */
  const endpoints: Array<{
    name: string;
    expected: Record<Caller, number>;
    send: (auth: Record<string, string>) => Promise<Response>;
  }> = [
    {
      name: 'POST /users/buyers',
      expected: everyone(201),
      send: async (auth) =>
        world
          .http()
          .post('/users/buyers')
          .set(auth)
          .send({ email: uniqueEmail('m'), password: PASSWORD }),
    },
    {
      name: 'POST /users/sellers',
      expected: everyone(201),
      send: async (auth) =>
        world
          .http()
          .post('/users/sellers')
          .set(auth)
          .send({ email: uniqueEmail('m'), password: PASSWORD, storeName: 'M' }),
    },
    {
      name: 'POST /auth/login',
      expected: everyone(200),
      send: async (auth) =>
        world.http().post('/auth/login').set(auth).send({ email: cast.buyer.email, password: PASSWORD }),
    },
    {
      name: 'POST /auth/refresh',
      expected: everyone(200),
      send: async (auth) =>
        world
          .http()
          .post('/auth/refresh')
          .set(auth)
          .send({ refreshToken: (await world.logIn(cast.otherBuyer.email)).refreshToken }),
    },
    {
      name: 'POST /auth/logout',
      expected: everyone(204),
      send: async (auth) =>
        world
          .http()
          .post('/auth/logout')
          .set(auth)
          .send({ refreshToken: (await world.logIn(cast.otherBuyer.email)).refreshToken }),
    },
    {
      name: `GET ${ACCESS_TOKEN.jwksPath}`,
      expected: everyone(200),
      send: async (auth) => world.http().get(ACCESS_TOKEN.jwksPath).set(auth),
    },
    { name: 'GET /users/me', expected: signedIn, send: async (auth) => world.http().get('/users/me').set(auth) },
    { name: 'GET /admin/users', expected: adminOnly, send: async (auth) => world.http().get('/admin/users').set(auth) },
    {
      name: 'POST /admin/sellers/{id}/approve',
      expected: adminOnly,
      send: async (auth) =>
        world
          .http()
          .post(`/admin/sellers/${(await world.signUp('sellers')).id}/approve`)
          .set(auth),
    },
    {
      name: 'POST /admin/sellers/{id}/suspend',
      expected: adminOnly,
      send: async (auth) =>
        world
          .http()
          .post(`/admin/sellers/${(await world.signUp('sellers')).id}/suspend`)
          .set(auth),
    },
  ];

  beforeAll(async () => {
    world = await createUserWorld();
    cast = await world.cast();
  });
  afterAll(() => world.close());

  describe.each(endpoints)('$name', ({ expected, send }) => {
    it.each(CALLERS)('When called by %s, then it answers as the matrix says', async (caller) => {
      const res = await send(caller === 'anonymous' ? {} : { authorization: `Bearer ${cast[caller].accessToken}` });

      expect(res.status).toBe(expected[caller]);
      if (res.status === 401) expect(res.body.type).toBe(`${PROBLEM}auth/missing-token`);
      if (res.status === 403) expect(res.body.type).toBe(`${PROBLEM}auth/forbidden`);
    });
  });

  it.each(CALLERS.filter((c) => c !== 'anonymous') as Array<Exclude<Caller, 'anonymous'>>)(
    'When %s asks for /users/me, then it gets its own account and status, nobody else’s',
    async (caller) => {
      const actor = cast[caller];

      const res = await world.http().get('/users/me').set('authorization', `Bearer ${actor.accessToken}`);

      expect(res.body).toMatchObject({ id: actor.identity.userId, role: actor.identity.role, email: actor.email });
      expect(res.body.seller?.status).toBe(actor.identity.sellerStatus);
    },
  );
});
