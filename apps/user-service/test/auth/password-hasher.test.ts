import crypto from 'node:crypto';
import { PasswordHasher, PRODUCTION_SCRYPT } from '../../src/auth/password-hasher';
import { FAST_SCRYPT } from '../support/user-world';

describe('Password hashing (scrypt)', () => {
  const hasher = new PasswordHasher(FAST_SCRYPT);

  it('When a password is hashed twice, then the salts differ and both verify', async () => {
    const first = await hasher.hash('correct horse battery');
    const second = await hasher.hash('correct horse battery');

    expect(first).not.toBe(second);
    await expect(hasher.verify('correct horse battery', first)).resolves.toBe(true);
    await expect(hasher.verify('correct horse battery', second)).resolves.toBe(true);
    await expect(hasher.verify('correct horse batterY', first)).resolves.toBe(false);
  });

  it('When a hash is stored, then it names its parameters so stronger ones can come later', async () => {
    const stored = await hasher.hash('p4ssword!');
    const stronger = new PasswordHasher({ logN: 11, r: 8, p: 2 });

    expect(stored).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    await expect(stronger.verify('p4ssword!', stored)).resolves.toBe(true);
  });

  it('When nothing is configured, then the OWASP scrypt setting is used (32 MiB, N=2^15, r=8, p=3)', async () => {
    const stored = await new PasswordHasher().hash('p4ssword!');

    expect(PRODUCTION_SCRYPT).toEqual({ logN: 15, r: 8, p: 3 });
    expect(stored.startsWith('$scrypt$ln=15,r=8,p=3$')).toBe(true);
  });

  it('When there is no account (no stored hash), then a full scrypt still runs and the answer is false', async () => {
    const scrypt = jest.spyOn(crypto, 'scrypt');
    try {
      await expect(hasher.verify('anything', undefined)).resolves.toBe(false);
      await expect(hasher.verify('anything', undefined)).resolves.toBe(false);

      // the dummy hash once, then one comparison per call
      expect(scrypt).toHaveBeenCalledTimes(3);
      expect(scrypt.mock.calls.every(([, , , options]) => (options as crypto.ScryptOptions).N === 2 ** 10)).toBe(true);
    } finally {
      scrypt.mockRestore();
    }
  });

  it('When a stored hash is not ours or asks for absurd cost, then verification fails loudly instead of answering', async () => {
    await expect(hasher.verify('x', 'plain-text-password')).rejects.toThrow(/PHC/);
    await expect(hasher.verify('x', '$scrypt$ln=30,r=8,p=1$c2FsdA$aGFzaA')).rejects.toThrow(/ln=30/);
  });
});
