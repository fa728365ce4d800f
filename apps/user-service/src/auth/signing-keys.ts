import { randomUUID } from 'node:crypto';
import { ACCESS_TOKEN } from '@sneakers/kit';
import { createLocalJWKSet, exportJWK, generateKeyPair, importJWK, type JWK, type JWTVerifyGetKey } from 'jose';
import type { Tx } from '../prisma';
import {
  findActiveSigningKeys,
  insertSigningKey,
  retireSigningKeys,
  type StoredSigningKey,
} from './signing-key.repository';

/** A replaced key stays published until no unexpired token can carry it, with room for cached JWKS. */
const RETIRE_AFTER_MS = 2 * ACCESS_TOKEN.ttlSeconds * 1000;

export interface SigningKey {
  kid: string;
  alg: string;
  privateKey: CryptoKey;
}

/** The service's signing keys, kept in its own database so every instance signs with the same one. */
export class SigningKeys {
  private readonly imported = new Map<string, Promise<CryptoKey>>();

  constructor(private readonly db: Tx) {}

  /**
   * At start-up: creates the first key, or a new one once the newest is `maxAgeMs` old or of
   * another algorithm than the platform signs with now, and retires keys replaced long enough ago.
   * Two instances starting together may both add a key; harmless, since every active key verifies
   * and only the newest signs.
   */
  async rotateIfDue(now: Date, maxAgeMs: number): Promise<void> {
    let keys = await findActiveSigningKeys(this.db);
    const newest = keys[0];
    const due =
      !newest ||
      newest.publicJwk.alg !== ACCESS_TOKEN.algorithm ||
      now.getTime() - newest.createdAt.getTime() >= maxAgeMs;
    if (due) keys = [await this.rotate(now), ...keys];
    const replacedAt = keys.slice(0, -1).map((successor) => successor.createdAt.getTime());
    const expired = keys.slice(1).filter((_, i) => now.getTime() - (replacedAt[i] ?? now.getTime()) >= RETIRE_AFTER_MS);
    await retireSigningKeys(
      this.db,
      expired.map((key) => key.kid),
      now,
    );
  }

  /** A new key that signs from now on; the others keep verifying until retired. */
  async rotate(now: Date): Promise<StoredSigningKey> {
    const { publicKey, privateKey } = await generateKeyPair(ACCESS_TOKEN.algorithm, { extractable: true });
    const kid = randomUUID();
    const meta = { kid, alg: ACCESS_TOKEN.algorithm, use: 'sig' };
    const key = {
      kid,
      publicJwk: { ...(await exportJWK(publicKey)), ...meta },
      privateJwk: { ...(await exportJWK(privateKey)), ...meta },
      createdAt: now,
    };
    await insertSigningKey(this.db, key);
    return key;
  }

  /**
   * The newest key, read on every call so a rotation by another instance takes effect at once.
   * Read through the caller's `db`: inside a transaction that is the transaction itself, since the
   * embedded database runs one session at a time and a read through another connection would wait
   * for the very transaction that is waiting for it.
   */
  async current(db: Tx): Promise<SigningKey> {
    const [newest] = await findActiveSigningKeys(db);
    if (!newest) throw new Error('No signing key yet: rotateIfDue() runs at start-up');
    // A key made before the platform changed algorithms signs with its own until the next rotation.
    const alg = newest.privateJwk.alg ?? ACCESS_TOKEN.algorithm;
    let privateKey = this.imported.get(newest.kid);
    if (!privateKey) {
      privateKey = importJWK(newest.privateJwk, alg) as Promise<CryptoKey>;
      this.imported.set(newest.kid, privateKey);
    }
    return { kid: newest.kid, alg, privateKey: await privateKey };
  }

  async jwks(): Promise<{ keys: JWK[] }> {
    const keys = await findActiveSigningKeys(this.db);
    return { keys: keys.map((key) => key.publicJwk) };
  }

  /**
   * Verification straight from the database, for in-process apps and tests (a running service
   * verifies through JWKS_URL like every other, which for this one points at itself).
   */
  keySet(): JWTVerifyGetKey {
    return async (header, token) => createLocalJWKSet(await this.jwks())(header, token);
  }
}
