import { decodeJwt } from 'jose';
import { hashRefreshToken } from '../../src/auth/domain/refresh-token';
import { createUserWorld, PROBLEM, type UserWorld } from '../support/user-world';

const INVALID = `${PROBLEM}auth/refresh-token-invalid`;

describe('Refresh-token rotation, reuse detection and log-out', () => {
  let world: UserWorld;
  const refresh = (refreshToken: string) => world.http().post('/auth/refresh').send({ refreshToken });

  beforeAll(async () => {
    world = await createUserWorld();
  });
  afterAll(() => world.close());

  it('When a refresh token is used, then a new pair comes back and the old token is revoked', async () => {
    const user = await world.signUp('buyers');
    const first = await world.logIn(user.email);

    const res = await refresh(first.refreshToken);

    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body.refreshToken).not.toBe(first.refreshToken);
    expect(decodeJwt(res.body.accessToken)).toMatchObject({ sub: user.id, role: 'BUYER' });
    const old = await world.prisma.refreshToken.findUniqueOrThrow({
      where: { tokenHash: hashRefreshToken(first.refreshToken) },
    });
    const rotated = await world.prisma.refreshToken.findUniqueOrThrow({
      where: { tokenHash: hashRefreshToken(res.body.refreshToken) },
    });
    expect(old.revokedAt).not.toBeNull();
    expect(rotated).toMatchObject({ familyId: old.familyId, revokedAt: null });
  });

  it('When only hashes are stored, then no refresh token appears in the database in plain text', async () => {
    const user = await world.signUp('buyers');
    const { refreshToken } = await world.logIn(user.email);

    const rows = await world.prisma.refreshToken.findMany({ where: { userId: user.id } });

    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(refreshToken);
  });

  it('When a revoked refresh token is presented again, then it is refused and every token of its family is revoked', async () => {
    const user = await world.signUp('buyers');
    const stolen = await world.logIn(user.email);
    const legit = (await refresh(stolen.refreshToken)).body;
    const otherSession = await world.logIn(user.email);

    const reuse = await refresh(stolen.refreshToken);
    const afterReuse = await refresh(legit.refreshToken);

    expect(reuse.status).toBe(401);
    expect(reuse.body.type).toBe(INVALID);
    expect(afterReuse.status).toBe(401);
    expect(await world.prisma.refreshToken.count({ where: { userId: user.id, revokedAt: null } })).toBe(1);
    expect((await refresh(otherSession.refreshToken)).status).toBe(200);
  });

  it('When two refreshes race with one token, then exactly one wins', async () => {
    const user = await world.signUp('buyers');
    const { refreshToken } = await world.logIn(user.email);

    const answers = await Promise.all([refresh(refreshToken), refresh(refreshToken)]);

    expect(answers.map((res) => res.status).sort()).toEqual([200, 401]);
  });

  it('When a refresh token is unknown, then it answers 401 and writes nothing', async () => {
    const before = await world.rowCounts();

    const res = await refresh('not-a-token-we-ever-issued');

    expect(res.status).toBe(401);
    expect(res.body.type).toBe(INVALID);
    expect(await world.rowCounts()).toEqual(before);
  });

  it('When a refresh token has expired, then it is refused', async () => {
    const user = await world.signUp('buyers');
    const { refreshToken } = await world.logIn(user.email);

    world.travel(31 * 24 * 60 * 60 * 1000);
    try {
      const res = await refresh(refreshToken);

      expect(res.status).toBe(401);
    } finally {
      world.travel(-31 * 24 * 60 * 60 * 1000);
    }
  });

  it('When a seller is approved after logging in, then its refreshed token carries APPROVED', async () => {
    const seller = await world.seller('PENDING');
    const admin = await world.admin();
    await world
      .http()
      .post(`/admin/sellers/${seller.identity.userId}/approve`)
      .set('authorization', `Bearer ${admin.accessToken}`);

    const res = await refresh(seller.refreshToken);

    expect(decodeJwt(seller.accessToken).seller_status).toBe('PENDING');
    expect(decodeJwt(res.body.accessToken)).toMatchObject({ role: 'SELLER', seller_status: 'APPROVED' });
  });

  it('When a user logs out, then the refresh token (and its whole session) stops working', async () => {
    const user = await world.signUp('buyers');
    const session = await world.logIn(user.email);
    const rotated = (await refresh(session.refreshToken)).body;

    const res = await world.http().post('/auth/logout').send({ refreshToken: rotated.refreshToken });

    expect(res.status).toBe(204);
    expect((await refresh(rotated.refreshToken)).status).toBe(401);
    expect(await world.prisma.refreshToken.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
  });

  it('When logging out twice or with an unknown token, then it still answers 204', async () => {
    const user = await world.signUp('buyers');
    const { refreshToken } = await world.logIn(user.email);

    const first = await world.http().post('/auth/logout').send({ refreshToken });
    const second = await world.http().post('/auth/logout').send({ refreshToken });
    const unknown = await world.http().post('/auth/logout').send({ refreshToken: 'never-issued' });

    expect([first.status, second.status, unknown.status]).toEqual([204, 204, 204]);
  });
});
