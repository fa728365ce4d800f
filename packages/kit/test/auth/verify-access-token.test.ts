import { createHmac, randomUUID } from 'node:crypto';
import { createLocalJWKSet, exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';
import { ACCESS_TOKEN, AppError, accessTokenVerifier } from '../../src';

type Alg = (typeof ACCESS_TOKEN.acceptedAlgorithms)[number];

/** A signing key of one algorithm, published under its kid as user-service does. */
async function signingKey(alg: Alg) {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  const kid = randomUUID();
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  const sign = (claims: JWTPayload, header: { alg?: string; kid?: string } = {}) =>
    new SignJWT({ role: 'BUYER', ...claims })
      .setProtectedHeader({ alg, kid, ...header })
      .setSubject((claims.sub as string | undefined) ?? randomUUID())
      .setIssuer((claims.iss as string | undefined) ?? ACCESS_TOKEN.issuer)
      .setAudience((claims.aud as string | undefined) ?? ACCESS_TOKEN.audience)
      .setIssuedAt()
      .setExpirationTime((claims.exp as number | undefined) ?? Math.floor(Date.now() / 1000) + 60)
      .sign(privateKey);
  return { kid, jwk, sign };
}

const problemOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (error: unknown) => (error instanceof AppError ? error.code : `unexpected: ${String(error)}`),
  );

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('Verifying an access token', () => {
  let es256: Awaited<ReturnType<typeof signingKey>>;
  let rs256: Awaited<ReturnType<typeof signingKey>>;
  let verify: ReturnType<typeof accessTokenVerifier>;

  beforeAll(async () => {
    es256 = await signingKey('ES256');
    rs256 = await signingKey('RS256');
    verify = accessTokenVerifier(createLocalJWKSet({ keys: [es256.jwk, rs256.jwk] }));
  });

  it.each(['ES256', 'RS256'] as const)(
    'When a %s token is signed by a published key, then it yields the identity',
    async (alg) => {
      const key = alg === 'ES256' ? es256 : rs256;
      const userId = randomUUID();

      const identity = await verify(await key.sign({ sub: userId, role: 'SELLER', seller_status: 'APPROVED' }));

      expect(identity).toMatchObject({ userId, role: 'SELLER', sellerStatus: 'APPROVED' });
    },
  );

  it('When the token has expired, then it is refused as expired', async () => {
    const token = await rs256.sign({ exp: Math.floor(Date.now() / 1000) - 1 });

    expect(await problemOf(verify(token))).toBe('AUTH.TOKEN_EXPIRED');
  });

  // Each of these must fail on its own: a verifier that skipped that one check would accept it.
  it.each<[string, () => Promise<string>]>([
    [
      'its payload was changed after signing',
      async () => {
        const [h, , s] = (await rs256.sign({})).split('.');
        return `${h}.${part({ sub: randomUUID(), role: 'ADMIN', iss: ACCESS_TOKEN.issuer, aud: ACCESS_TOKEN.audience, exp: 9e9 })}.${s}`;
      },
    ],
    ['it is signed by a key nobody published', async () => (await signingKey('RS256')).sign({}, { kid: rs256.kid })],
    [
      'its header names an RS256 key but says ES256',
      async () => {
        const [, p, s] = (await rs256.sign({})).split('.');
        return `${part({ alg: 'ES256', kid: rs256.kid })}.${p}.${s}`;
      },
    ],
    ['it says alg none', async () => `${part({ alg: 'none', kid: rs256.kid })}.${part({ sub: randomUUID() })}.`],
    [
      'it is an HS256 token keyed with the public key',
      async () => {
        const h = part({ alg: 'HS256', kid: rs256.kid });
        const p = part({
          sub: randomUUID(),
          role: 'ADMIN',
          iss: ACCESS_TOKEN.issuer,
          aud: ACCESS_TOKEN.audience,
          exp: 9e9,
        });
        const s = createHmac('sha256', JSON.stringify(rs256.jwk)).update(`${h}.${p}`).digest('base64url');
        return `${h}.${p}.${s}`;
      },
    ],
    ['its issuer is another', async () => rs256.sign({ iss: 'someone-else' })],
    ['its audience is another', async () => rs256.sign({ aud: 'another-app' })],
    ['its role is not one of ours', async () => rs256.sign({ role: 'ROOT' })],
    ['it has no kid', async () => rs256.sign({}, { kid: undefined as unknown as string })],
    ['it has four parts', async () => `${await rs256.sign({})}.extra`],
    ['its header is not JSON', async () => `bm90IGpzb24.${(await rs256.sign({})).split('.').slice(1).join('.')}`],
  ])('When %s, then it is refused as invalid', async (_case, token) => {
    expect(await problemOf(verify(await token()))).toBe('AUTH.INVALID_TOKEN');
  });
});
