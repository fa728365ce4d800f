import { seedAdmin } from '../../src/user/use-cases/seed-admin/seed-admin.use-case';
import { createUserWorld, PASSWORD, type UserWorld } from '../support/user-world';

describe('The admin seeded on start-up', () => {
  let world: UserWorld;
  const credentials = { email: 'Root@Sneakers.Test', password: 'seeded-admin-password' };

  beforeAll(async () => {
    world = await createUserWorld();
  });
  afterAll(() => world.close());

  it('When the service starts for the first time, then the admin exists, is announced and can log in', async () => {
    const outcome = await seedAdmin(world.deps, credentials);

    const admin = await world.prisma.user.findUniqueOrThrow({ where: { email: 'root@sneakers.test' } });
    expect(outcome).toBe('created');
    expect(admin.dtype).toBe('ADMIN');
    const events = await world.prisma.outboxEvent.findMany({ where: { aggregateId: admin.id } });
    expect(events.map((e) => [e.type, (e.payload as { role: string }).role])).toEqual([['user.registered', 'ADMIN']]);
    await expect(world.logIn('root@sneakers.test', credentials.password)).resolves.toMatchObject({
      tokenType: 'Bearer',
    });
  });

  it('When the service starts again (even with another password, or several at once), then nothing changes', async () => {
    const before = await world.rowCounts();
    const hashBefore = (await world.prisma.user.findUniqueOrThrow({ where: { email: 'root@sneakers.test' } }))
      .passwordHash;

    const outcomes = await Promise.all([
      seedAdmin(world.deps, credentials),
      seedAdmin(world.deps, { ...credentials, password: 'another-password-entirely' }),
    ]);

    expect(outcomes).toEqual(['exists', 'exists']);
    expect(await world.rowCounts()).toEqual(before);
    const after = await world.prisma.user.findUniqueOrThrow({ where: { email: 'root@sneakers.test' } });
    expect(after.passwordHash).toBe(hashBefore);
  });

  it('When instances start together on an empty database, then exactly one admin and one event are written', async () => {
    const email = 'first@sneakers.test';

    const outcomes = await Promise.all(
      Array.from({ length: 3 }, () => seedAdmin(world.deps, { email, password: PASSWORD })),
    );

    expect(outcomes.sort()).toEqual(['created', 'exists', 'exists']);
    const admin = await world.prisma.user.findUniqueOrThrow({ where: { email } });
    expect(await world.prisma.outboxEvent.count({ where: { aggregateId: admin.id } })).toBe(1);
  });

  it('When ADMIN_EMAIL belongs to a buyer, then start-up fails loudly rather than run without that admin', async () => {
    const buyer = await world.signUp('buyers');

    await expect(seedAdmin(world.deps, { email: buyer.email, password: PASSWORD })).rejects.toThrow(/not an admin/);
    expect((await world.prisma.user.findUniqueOrThrow({ where: { id: buyer.id } })).dtype).toBe('BUYER');
  });
});
