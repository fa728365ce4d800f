import { createHash, randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

export interface ScryptParams {
  /** log2 of the CPU/memory cost N. */
  logN: number;
  r: number;
  p: number;
}

/** OWASP's scrypt setting for 32 MiB per hash (N=2^15, r=8, p=3): as strong as 2^17/p=1 at a quarter of the memory. */
export const PRODUCTION_SCRYPT: ScryptParams = { logN: 15, r: 8, p: 3 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;
// Stored hashes are ours, but a corrupted row must not make one log-in allocate gigabytes.
const MAX_LOG_N = 20;
const PHC = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

function derive(password: string, salt: Buffer, { logN, r, p }: ScryptParams, length: number): Promise<Buffer> {
  const N = 2 ** logN;
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return new Promise((resolve, reject) => {
    scrypt(password, salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');

/**
 * scrypt from Node itself: memory-hard, no native add-on to build. Hashes are PHC strings
 * (`$scrypt$ln=15,r=8,p=3$<salt>$<hash>`) so the parameters travel with each hash and can be raised
 * later without breaking existing accounts.
 */
export class PasswordHasher {
  private dummyHash?: Promise<string>;

  constructor(private readonly params: ScryptParams = PRODUCTION_SCRYPT) {}

  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_BYTES);
    const key = await derive(password, salt, this.params, KEY_BYTES);
    const { logN, r, p } = this.params;
    return `$scrypt$ln=${logN},r=${r},p=${p}$${b64(salt)}$${b64(key)}`;
  }

  /** `stored` undefined (unknown email) still costs one full hash, so timing does not reveal which emails exist. */
  async verify(password: string, stored: string | undefined): Promise<boolean> {
    if (stored === undefined) {
      this.dummyHash ??= this.hash('not the password of anyone');
      await this.verify(password, await this.dummyHash);
      return false;
    }
    const match = PHC.exec(stored);
    if (!match) throw new Error('Stored password hash is not a scrypt PHC string');
    const [, logN, r, p, salt, key] = match as unknown as [string, string, string, string, string, string];
    if (Number(logN) > MAX_LOG_N) throw new Error(`Stored password hash asks for ln=${logN}`);
    const expected = Buffer.from(key, 'base64');
    const params = { logN: Number(logN), r: Number(r), p: Number(p) };
    const actual = await derive(password, Buffer.from(salt, 'base64'), params, expected.length);
    return timingSafeEqual(actual, expected);
  }

  /**
   * What an idempotency fingerprint may hold of a password: a plain SHA-256 of the request body
   * would let anyone reading idempotency_keys test guesses far faster than against the scrypt hash.
   * The salt is derived from the email so a retry of the same sign-up yields the same value.
   */
  async fingerprint(password: string, email: string): Promise<string> {
    const salt = createHash('sha256').update(`sign-up:${email}`).digest();
    return b64(await derive(password, salt, this.params, KEY_BYTES));
  }
}
