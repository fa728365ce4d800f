import { randomUUID } from 'node:crypto';
import { ACCESS_TOKEN, accessTokenVerifier } from '@sneakers/kit';
import { createLocalJWKSet, decodeProtectedHeader, exportJWK, generateKeyPair, type JWK } from 'jose';
import { insertSigningKey } from '../../src/auth/signing-key.repository';
import { createUserWorld, type UserWorld } from '../support/user-world';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('Signing keys and the JWKS', () => {
  let world: UserWorld;
  const jwks = async (): Promise<{ keys: JWK[] }> => (await world.http().get(ACCESS_TOKEN.jwksPath)).body;

  beforeAll(async () => {
    world = await createUserWorld();
  });
  afterAll(() => world.close());

  it('When the JWKS is fetched, then it verifies a token we issued, as any other service would', async () => {
    const user = await world.signUp('buyers');
    const { accessToken } = await world.logIn(user.email);

    const res = await world.http().get(ACCESS_TOKEN.jwksPath);
    const verify = accessTokenVerifier(createLocalJWKSet(res.body));

    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toMatch(/max-age=\d+/);
    await expect(verify(accessToken)).resolves.toEqual({ userId: user.id, role: 'BUYER', issuedAt: expect.any(Date) });
  });

  it('When the JWKS is fetched, then it holds public RSA keys only (never the private parts)', async () => {
    const { keys } = await jwks();

    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String) });
      for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(key).not.toHaveProperty(secret);
    }
  });

  it('When the newest key is an ES256 one from before the move to RS256, then start-up adds an RS256 key that signs, and ES256 tokens still verify', async () => {
    // As a deploy finds the database: its newest key signs ES256 and is far from due.
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const kid = randomUUID();
    const meta = { kid, alg: 'ES256', use: 'sig' };
    await insertSigningKey(world.prisma, {
      kid,
      publicJwk: { ...(await exportJWK(publicKey)), ...meta },
      privateJwk: { ...(await exportJWK(privateKey)), ...meta },
      createdAt: new Date(Date.now() + 1000),
    });
    const user = await world.signUp('buyers');
    const esToken = (await world.logIn(user.email)).accessToken;

    await world.deps.signingKeys.rotateIfDue(new Date(Date.now() + 2000), 90 * DAY_MS);
    const rsToken = (await world.logIn(user.email)).accessToken;
    const verify = accessTokenVerifier(createLocalJWKSet(await jwks()));

    expect(decodeProtectedHeader(esToken)).toMatchObject({ alg: 'ES256', kid });
    expect(decodeProtectedHeader(rsToken)).toMatchObject({ alg: 'RS256' });
    await expect(verify(esToken)).resolves.toMatchObject({ userId: user.id });
    await expect(verify(rsToken)).resolves.toMatchObject({ userId: user.id });
  });

  it('When the service starts again before the key is due, then it keeps its key', async () => {
    const before = await world.prisma.signingKey.findMany();

    await world.deps.signingKeys.rotateIfDue(new Date(), 90 * DAY_MS);

    expect(await world.prisma.signingKey.findMany()).toEqual(before);
  });

  it('When the key rotates, then the new key signs and tokens of the old one still verify', async () => {
    const user = await world.signUp('buyers');
    const oldToken = (await world.logIn(user.email)).accessToken;
    const oldKid = decodeProtectedHeader(oldToken).kid;

    await world.deps.signingKeys.rotateIfDue(new Date(Date.now() + 91 * DAY_MS), 90 * DAY_MS);
    const newToken = (await world.logIn(user.email)).accessToken;
    const verify = accessTokenVerifier(createLocalJWKSet(await jwks()));

    expect(decodeProtectedHeader(newToken).kid).not.toBe(oldKid);
    expect((await jwks()).keys.map((key) => key.kid)).toEqual(expect.arrayContaining([oldKid]));
    await expect(verify(oldToken)).resolves.toMatchObject({ userId: user.id });
    await expect(verify(newToken)).resolves.toMatchObject({ userId: user.id });
  });

  it('When a replaced key is older than any token it can have signed, then it leaves the JWKS', async () => {
    const [newest] = await world.prisma.signingKey.findMany({ orderBy: { createdAt: 'desc' }, take: 1 });
    const rotatedAt = new Date((newest?.createdAt.getTime() ?? 0) + 91 * DAY_MS);
    await world.deps.signingKeys.rotateIfDue(rotatedAt, 90 * DAY_MS);
    const { keys: justRotated } = await jwks();

    await world.deps.signingKeys.rotateIfDue(
      new Date(rotatedAt.getTime() + 3 * ACCESS_TOKEN.ttlSeconds * 1000),
      90 * DAY_MS,
    );
    const { keys: later } = await jwks();

    expect(justRotated.map((key) => key.kid)).toContain(newest?.kid);
    expect(later).toHaveLength(1);
    expect(later[0]?.kid).not.toBe(newest?.kid);
  });
});
