import { userRegistered } from '@sneakers/contracts';
import { createUserWorld, PASSWORD, type UserWorld, uniqueEmail } from '../support/user-world';

describe('Sign-up announces user.registered through the outbox', () => {
  let world: UserWorld;

  beforeAll(async () => {
    world = await createUserWorld();
  });
  afterAll(() => world.close());

  it('When a buyer signs up, then one user.registered row carries its id, email, role and time', async () => {
    const user = await world.signUp('buyers');

    const rows = await world.prisma.outboxEvent.findMany({ where: { aggregateId: user.id } });

    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ aggregateType: 'user', type: 'user.registered', version: 1 });
    const payload = userRegistered.payload.parse(rows[0]?.payload);
    expect(payload).toEqual({ userId: user.id, email: user.email, role: 'BUYER', registeredAt: user.createdAt });
  });

  it('When a seller signs up, then its user.registered says SELLER', async () => {
    const user = await world.signUp('sellers');

    const [row] = await world.prisma.outboxEvent.findMany({ where: { aggregateId: user.id } });

    expect(row?.payload).toMatchObject({ role: 'SELLER', userId: user.id });
  });

  it('When a sign-up fails because the email is taken, then no outbox row is written', async () => {
    const { email } = await world.signUp('buyers');
    const before = await world.rowCounts();

    const res = await world.http().post('/users/buyers').send({ email, password: PASSWORD });

    expect(res.status).toBe(409);
    expect(await world.rowCounts()).toEqual(before);
  });

  it('When the outbox write fails, then the account is not created either (one transaction)', async () => {
    const email = uniqueEmail('atomic');
    await world.prisma.$executeRawUnsafe('ALTER TABLE outbox RENAME TO outbox_away');
    try {
      const res = await world.http().post('/users/buyers').send({ email, password: PASSWORD });

      expect(res.status).toBe(500);
    } finally {
      await world.prisma.$executeRawUnsafe('ALTER TABLE outbox_away RENAME TO outbox');
    }
    expect(await world.prisma.user.count({ where: { email } })).toBe(0);
  });
});
