import { approve, asSeller, newBuyer, newSeller, suspend } from '../../src/user/domain/user';

const now = new Date('2026-01-01T00:00:00.000Z');
const later = new Date('2026-01-02T00:00:00.000Z');
const account = { email: ' Kicks@Example.COM ', passwordHash: '$scrypt$…' };

describe('User domain rules', () => {
  it('When a seller is created without a real store name, then it is refused (a seller always has one)', () => {
    expect(() => newSeller({ ...account, storeName: '   ' }, now)).toThrow(
      expect.objectContaining({ code: 'USER.STORE_NAME_REQUIRED', status: 400 }),
    );
  });

  it('When a seller is created, then it is PENDING, never approved, with its email lower-cased', () => {
    expect(newSeller({ ...account, storeName: ' Kicks ' }, now)).toMatchObject({
      role: 'SELLER',
      email: 'kicks@example.com',
      storeName: 'Kicks',
      sellerStatus: 'PENDING',
      approvedAt: null,
    });
  });

  it('When approval and suspension follow each other, then each changes the status once and repeats change nothing', () => {
    const pending = newSeller({ ...account, storeName: 'Kicks' }, now);

    const approved = approve(pending, later);
    const suspended = approved && suspend(approved, later);

    expect(approved).toMatchObject({ sellerStatus: 'APPROVED', approvedAt: later, updatedAt: later });
    expect(approved && approve(approved, later)).toBeNull();
    expect(suspended).toMatchObject({ sellerStatus: 'SUSPENDED', approvedAt: later });
    expect(suspended && suspend(suspended, later)).toBeNull();
    expect(suspended && approve(suspended, later)?.sellerStatus).toBe('APPROVED');
  });

  it('When a buyer is treated as a seller, then it is refused with USER.NOT_A_SELLER', () => {
    expect(() => asSeller(newBuyer(account, now))).toThrow(expect.objectContaining({ code: 'USER.NOT_A_SELLER' }));
  });
});
