import request from 'supertest';
import { type Caller, type PaymentApp, startPaymentApp } from '../support/payment-app';

interface Entry {
  id: string;
  balanceAfter: number;
  createdAt: string;
}

describe('Listing the ledger (GET /wallet/transactions)', () => {
  let app: PaymentApp;

  beforeAll(async () => {
    app = await startPaymentApp();
  });
  afterAll(() => app.close());

  const charge = (buyer: Caller, amount: number) =>
    request(app.server).post('/wallet/charges').set('Authorization', buyer.authorization).send({ amount });
  const page = (buyer: Caller, query: Record<string, string | number>) =>
    request(app.server).get('/wallet/transactions').set('Authorization', buyer.authorization).query(query);

  async function allPages(buyer: Caller, limit: number): Promise<{ entries: Entry[]; pages: number }> {
    const entries: Entry[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await page(buyer, { limit, ...(cursor ? { cursor } : {}) });
      expect(response.status).toBe(200);
      entries.push(...response.body.items);
      cursor = response.body.nextCursor;
      pages += 1;
    } while (cursor);
    return { entries, pages };
  }

  it('When a buyer pages through 45 entries 10 at a time, then they come newest first in 5 pages, each once', async () => {
    const buyer = await app.caller('BUYER');
    // Charged concurrently: the listing must follow the order in which the row lock let them in.
    await Promise.all(Array.from({ length: 45 }, () => charge(buyer, 100)));

    const { entries, pages } = await allPages(buyer, 10);

    expect(pages).toBe(5);
    expect(entries.map((e) => e.balanceAfter)).toEqual(Array.from({ length: 45 }, (_, i) => 4_500 - i * 100));
    expect(new Set(entries.map((e) => e.id)).size).toBe(45);
  });

  it('When many entries share one millisecond, then id breaks the tie and paging still shows each once', async () => {
    const buyer = await app.caller('BUYER');
    const sameInstant = new Date('2026-01-01T00:00:00.000Z');
    await app.prisma.wallet.create({ data: { userId: buyer.userId, balance: 2_500 } });
    await app.prisma.walletTransaction.createMany({
      data: Array.from({ length: 25 }, (_, i) => ({
        userId: buyer.userId,
        type: 'CHARGE' as const,
        amount: 100,
        balanceAfter: (i + 1) * 100,
        createdAt: sameInstant,
      })),
    });

    const { entries } = await allPages(buyer, 4);

    expect(entries.map((e) => e.balanceAfter)).toEqual(Array.from({ length: 25 }, (_, i) => 2_500 - i * 100));
  });

  it('When entries are added between two pages, then the next page continues where the last ended, without gaps or repeats', async () => {
    const buyer = await app.caller('BUYER');
    for (let i = 0; i < 6; i++) await charge(buyer, 1_000);

    const first = await page(buyer, { limit: 3 });
    await charge(buyer, 1_000);
    const second = await page(buyer, { limit: 3, cursor: first.body.nextCursor });

    expect(first.body.items.map((e: Entry) => e.balanceAfter)).toEqual([6_000, 5_000, 4_000]);
    expect(second.body.items.map((e: Entry) => e.balanceAfter)).toEqual([3_000, 2_000, 1_000]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('When a buyer has no entries, then the page is empty and there is no next cursor', async () => {
    const buyer = await app.caller('BUYER');

    const response = await page(buyer, {});

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ items: [], nextCursor: null });
  });

  it('When no limit is given, then 20 entries come per page', async () => {
    const buyer = await app.caller('BUYER');
    await Promise.all(Array.from({ length: 21 }, () => charge(buyer, 10)));

    const response = await page(buyer, {});

    expect(response.body.items).toHaveLength(20);
    expect(response.body.nextCursor).toEqual(expect.any(String));
  });
});
