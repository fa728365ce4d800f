import { randomUUID } from 'node:crypto';
import type { UserView } from '@sneakers/contracts';
import { type Actor, createUserWorld, PROBLEM, type UserWorld } from '../support/user-world';

describe('Admin: list users', () => {
  let world: UserWorld;
  let admin: Actor;

  const list = (query: Record<string, string | number>) =>
    world.http().get('/admin/users').query(query).set('authorization', `Bearer ${admin.accessToken}`);

  /** Follows nextCursor to the end, returning every page. */
  async function allPages(query: Record<string, string | number>): Promise<UserView[][]> {
    const pages: UserView[][] = [];
    let cursor: string | null = null;
    do {
      const res = await list(cursor ? { ...query, cursor } : query);
      expect(res.status).toBe(200);
      pages.push(res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return pages;
  }

  beforeAll(async () => {
    world = await createUserWorld();
    admin = await world.admin();
    for (const role of ['buyers', 'sellers', 'buyers', 'sellers', 'buyers'] as const) await world.signUp(role);
    await world.seller('APPROVED', admin);
    await world.seller('SUSPENDED', admin);
  });
  afterAll(() => world.close());

  it('When an admin walks the pages, then every user comes exactly once, newest first', async () => {
    const everyone = await world.prisma.user.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });

    const pages = await allPages({ limit: 3 });

    expect(pages.map((page) => page.length)).toEqual([3, 3, 2]);
    expect(pages.flat().map((user) => user.id)).toEqual(everyone.map((user) => user.id));
  });

  it('When many users share one creation time, then pages still neither skip nor repeat any', async () => {
    const createdAt = new Date('2020-01-01T00:00:00.000Z');
    const ids: string[] = Array.from({ length: 5 }, () => randomUUID());
    await world.prisma.user.createMany({
      data: ids.map((id) => ({ id, dtype: 'BUYER' as const, email: `${id}@tie.test`, passwordHash: 'x', createdAt })),
    });

    const seen = (await allPages({ limit: 2, role: 'BUYER' })).flat().map((user) => user.id);

    expect(seen.filter((id) => ids.includes(id))).toEqual([...ids].sort().reverse());
    expect(new Set(seen).size).toBe(seen.length);
  });

  it.each([
    [{ role: 'BUYER' }, (user: UserView) => user.role === 'BUYER'],
    [{ role: 'SELLER' }, (user: UserView) => user.role === 'SELLER'],
    [{ role: 'ADMIN' }, (user: UserView) => user.role === 'ADMIN'],
    [{ sellerStatus: 'PENDING' }, (user: UserView) => user.seller?.status === 'PENDING'],
    [{ role: 'SELLER', sellerStatus: 'APPROVED' }, (user: UserView) => user.seller?.status === 'APPROVED'],
    [{ sellerStatus: 'SUSPENDED' }, (user: UserView) => user.seller?.status === 'SUSPENDED'],
  ])('When filtered by %j, then only matching users come back, all of them', async (filter, matches) => {
    const everyone = (await allPages({ limit: 100 })).flat();

    const filtered = (await allPages({ ...filter, limit: 2 })).flat();

    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.map((user) => user.id)).toEqual(everyone.filter(matches).map((user) => user.id));
  });

  it('When listed, then no password hash is in the answer', async () => {
    const res = await list({ limit: 100 });

    expect(JSON.stringify(res.body)).not.toMatch(/scrypt|passwordHash/);
  });

  it.each([
    ['a cursor that is not ours', { cursor: 'garbage' }, 'http/invalid-cursor'],
    ['a forged cursor', { cursor: Buffer.from('{"createdAt":1}').toString('base64url') }, 'http/invalid-cursor'],
    ['an unknown role', { role: 'GOD' }, 'http/validation-failed'],
    ['an unknown status', { sellerStatus: 'MAYBE' }, 'http/validation-failed'],
    ['a limit over 100', { limit: 101 }, 'http/validation-failed'],
    ['an unknown parameter', { sort: 'email' }, 'http/validation-failed'],
  ])('When given %s, then it answers 400 problem+json', async (_, query, type) => {
    const res = await list(query);

    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.type).toBe(`${PROBLEM}${type}`);
  });
});
