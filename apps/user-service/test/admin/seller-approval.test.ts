import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import { type Actor, createUserWorld, PROBLEM, type UserWorld } from '../support/user-world';

describe('Admin: approve and suspend sellers', () => {
  let world: UserWorld;
  let admin: Actor;

  const decide = (decision: 'approve' | 'suspend', userId: string, key?: string) => {
    const req = world
      .http()
      .post(`/admin/sellers/${userId}/${decision}`)
      .set('authorization', `Bearer ${admin.accessToken}`);
    return key ? req.set('idempotency-key', key) : req;
  };
  const approvedEvents = (sellerId: string) =>
    world.prisma.outboxEvent.findMany({ where: { aggregateId: sellerId, type: 'seller.approved' } });

  beforeAll(async () => {
    world = await createUserWorld();
    admin = await world.admin();
  });
  afterAll(() => world.close());

  it('When an admin approves a pending seller, then it is APPROVED, seller.approved is in the outbox and its next token says so', async () => {
    const seller = await world.signUp('sellers');

    const res = await decide('approve', seller.id);

    expect(res.status).toBe(200);
    expect(res.body.seller).toEqual({
      storeName: seller.seller?.storeName,
      status: 'APPROVED',
      approvedAt: expect.any(String),
    });
    const events = await approvedEvents(seller.id);
    expect(events.map((e) => e.payload)).toEqual([
      { sellerId: seller.id, storeName: seller.seller?.storeName, approvedAt: res.body.seller.approvedAt },
    ]);
    const { accessToken } = await world.logIn(seller.email);
    expect(decodeJwt(accessToken)).toMatchObject({ role: 'SELLER', seller_status: 'APPROVED' });
  });

  it('When an approved seller is approved again, then nothing changes and no second event is written', async () => {
    const seller = await world.signUp('sellers');
    const first = await decide('approve', seller.id);

    const again = await decide('approve', seller.id);

    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await approvedEvents(seller.id)).toHaveLength(1);
  });

  it('When admins approve one seller at the same moment, then exactly one seller.approved is written', async () => {
    const seller = await world.signUp('sellers');

    await Promise.all([decide('approve', seller.id), decide('approve', seller.id), decide('approve', seller.id)]);

    expect(await approvedEvents(seller.id)).toHaveLength(1);
  });

  it('When an admin suspends an approved seller, then it is SUSPENDED, seller.suspended is in the outbox once and its next token carries SUSPENDED', async () => {
    const seller = await world.signUp('sellers');
    await decide('approve', seller.id);

    const res = await decide('suspend', seller.id);
    await decide('suspend', seller.id);

    expect(res.status).toBe(200);
    expect(res.body.seller.status).toBe('SUSPENDED');
    const suspended = await world.prisma.outboxEvent.findMany({
      where: { aggregateId: seller.id, type: 'seller.suspended' },
    });
    expect(suspended.map((e) => e.payload)).toEqual([{ sellerId: seller.id, suspendedAt: res.body.updatedAt }]);
    const { accessToken } = await world.logIn(seller.email);
    expect(decodeJwt(accessToken)).toMatchObject({ role: 'SELLER', seller_status: 'SUSPENDED' });
  });

  it('When a suspended seller is approved again, then it is reinstated and announced again', async () => {
    const seller = await world.signUp('sellers');
    await decide('approve', seller.id);
    await decide('suspend', seller.id);

    const res = await decide('approve', seller.id);

    expect(res.body.seller.status).toBe('APPROVED');
    expect(await approvedEvents(seller.id)).toHaveLength(2);
  });

  it('When a pending seller is suspended, then it is SUSPENDED without ever being approved', async () => {
    const seller = await world.signUp('sellers');

    const res = await decide('suspend', seller.id);

    expect(res.body.seller).toMatchObject({ status: 'SUSPENDED', approvedAt: null });
    expect(await approvedEvents(seller.id)).toHaveLength(0);
  });

  it.each(['approve', 'suspend'] as const)(
    'When an admin tries to %s a buyer, then it answers 409 USER.NOT_A_SELLER and writes nothing',
    async (decision) => {
      const buyer = await world.signUp('buyers');
      const before = await world.rowCounts();

      const res = await decide(decision, buyer.id);

      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ type: `${PROBLEM}user/not-a-seller`, code: 'USER.NOT_A_SELLER' });
      expect(await world.rowCounts()).toEqual(before);
    },
  );

  it.each(['approve', 'suspend'] as const)(
    'When the seller does not exist (%s), then it answers 404 USER.NOT_FOUND',
    async (decision) => {
      const res = await decide(decision, randomUUID());

      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ type: `${PROBLEM}user/not-found`, code: 'USER.NOT_FOUND' });
    },
  );

  it('When an approval is retried with its Idempotency-Key, then the first answer is replayed', async () => {
    const seller = await world.signUp('sellers');
    const key = randomUUID();
    const first = await decide('approve', seller.id, key);
    await decide('suspend', seller.id);

    const replay = await decide('approve', seller.id, key);
    const reused = await decide('approve', (await world.signUp('sellers')).id, key);

    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect(reused.status).toBe(422);
  });
});
