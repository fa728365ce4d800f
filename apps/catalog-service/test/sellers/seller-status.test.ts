import { randomUUID } from 'node:crypto';
import { sellerApproved, sellerSuspended } from '@sneakers/contracts';
import { findSellerStatus, withCurrentSellerStatus } from '@sneakers/kit';
import { createTestTokens } from '@sneakers/kit/testing';
import { type CatalogDb, startCatalogDb } from '../support/catalog-db';

// What catalog-service keeps of each seller's status from user.events, and how a seller's token is
// judged by it (catalog and coupon share both through the kit).
describe("Sellers' statuses from user.events", () => {
  let db: CatalogDb;

  beforeAll(async () => {
    db = await startCatalogDb('Asia/Seoul');
  });
  afterAll(() => db.close());

  const at = (ms: number) => new Date(ms).toISOString();
  const statusOf = (sellerId: string) => db.runInTransaction((tx) => findSellerStatus(tx, sellerId));

  it('When a suspension arrives before the older approval (replay, late delivery), then the seller stays SUSPENDED', async () => {
    const sellerId = randomUUID();
    const t = Date.now();

    await db.deliver(sellerSuspended, { sellerId, suspendedAt: at(t + 1_000) });
    await db.deliver(sellerApproved, { sellerId, storeName: 'Side Street', approvedAt: at(t) });

    expect(await statusOf(sellerId)).toEqual({ sellerId, status: 'SUSPENDED', changedAt: new Date(t + 1_000) });
  });

  it('When the same suspension is delivered twice, then it is applied once and a later approval still counts', async () => {
    const sellerId = randomUUID();
    const t = Date.now();
    const eventId = randomUUID();

    await db.deliver(sellerSuspended, { sellerId, suspendedAt: at(t) }, eventId);
    await db.deliver(sellerSuspended, { sellerId, suspendedAt: at(t) }, eventId);
    await db.deliver(sellerApproved, { sellerId, storeName: 'Side Street', approvedAt: at(t + 1) });

    expect((await statusOf(sellerId))?.status).toBe('APPROVED');
  });

  it.each([
    ['a suspension after the token was issued', 'SUSPENDED', 'APPROVED', 'SUSPENDED', +1_000],
    ['an approval after the token was issued', 'APPROVED', 'PENDING', 'APPROVED', +1_000],
    ['a suspension in the same second as the token', 'SUSPENDED', 'APPROVED', 'SUSPENDED', 0],
    ['an approval older than a token that says SUSPENDED', 'SUSPENDED', 'SUSPENDED', 'APPROVED', -5_000],
  ] as const)(
    'When the service heard of %s, then the seller counts as %s',
    async (_case, expected, claim, stored, delta) => {
      const tokens = await createTestTokens();
      const sellerId = randomUUID();
      const token = await tokens.sign({ userId: sellerId, role: 'SELLER', sellerStatus: claim });
      const issuedAt = Math.floor(Date.now() / 1000) * 1000;
      const verify = withCurrentSellerStatus(tokens.verifier, async () => ({
        sellerId,
        status: stored,
        changedAt: new Date(issuedAt + delta),
      }));

      expect((await verify(token)).sellerStatus).toBe(expected);
    },
  );
});
