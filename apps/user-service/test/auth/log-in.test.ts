import { ACCESS_TOKEN } from '@sneakers/kit';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { createUserWorld, PASSWORD, PROBLEM, type UserWorld, uniqueEmail } from '../support/user-world';

describe('Log-in', () => {
  let world: UserWorld;

  beforeAll(async () => {
    world = await createUserWorld();
  });
  afterAll(() => world.close());

  it('When a buyer logs in, then it gets a short-lived RS256 access token for its id and role, and a refresh token', async () => {
    const user = await world.signUp('buyers');

    const res = await world.http().post('/auth/login').send({ email: user.email, password: PASSWORD });

    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toEqual({
      tokenType: 'Bearer',
      accessToken: expect.any(String),
      expiresIn: ACCESS_TOKEN.ttlSeconds,
      refreshToken: expect.stringMatching(/^[\w-]{43}$/),
      refreshExpiresIn: 30 * 24 * 60 * 60,
    });
    const header = decodeProtectedHeader(res.body.accessToken);
    const claims = decodeJwt(res.body.accessToken);
    expect(header).toMatchObject({ alg: 'RS256', kid: expect.any(String) });
    expect(claims).toMatchObject({
      sub: user.id,
      role: 'BUYER',
      iss: ACCESS_TOKEN.issuer,
      aud: ACCESS_TOKEN.audience,
    });
    expect(claims).not.toHaveProperty('seller_status');
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(ACCESS_TOKEN.ttlSeconds);
  });

  it('When a pending seller logs in, then its token says SELLER and PENDING', async () => {
    const seller = await world.signUp('sellers');

    const { accessToken } = await world.logIn(seller.email);

    expect(decodeJwt(accessToken)).toMatchObject({ role: 'SELLER', seller_status: 'PENDING' });
  });

  it('When the email is typed in another case, then the log-in still works', async () => {
    const user = await world.signUp('buyers');

    const res = await world.http().post('/auth/login').send({ email: user.email.toUpperCase(), password: PASSWORD });

    expect(res.status).toBe(200);
  });

  it('When the password is wrong or the email unknown, then both answer the same 401 and store no refresh token', async () => {
    const user = await world.signUp('buyers');
    const before = await world.rowCounts();

    const wrongPassword = await world
      .http()
      .post('/auth/login')
      .send({ email: user.email, password: 'wrong-password' });
    const unknownEmail = await world
      .http()
      .post('/auth/login')
      .send({ email: uniqueEmail('ghost'), password: PASSWORD });

    for (const res of [wrongPassword, unknownEmail]) {
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ type: `${PROBLEM}user/invalid-credentials`, code: 'USER.INVALID_CREDENTIALS' });
    }
    expect(unknownEmail.body.detail).toBe(wrongPassword.body.detail);
    expect(await world.rowCounts()).toEqual(before);
  });

  it('When the email is unknown, then a full password hash comparison still runs (timing does not reveal the email)', async () => {
    const verify = jest.spyOn(world.deps.passwords, 'verify');
    try {
      await world
        .http()
        .post('/auth/login')
        .send({ email: uniqueEmail('ghost'), password: PASSWORD });

      expect(verify).toHaveBeenCalledWith(PASSWORD, undefined);
      await expect(verify.mock.results[0]?.value).resolves.toBe(false);
    } finally {
      verify.mockRestore();
    }
  });
});
