import { createHash, randomUUID } from 'node:crypto';
import { createUserWorld, PASSWORD, PROBLEM, type UserWorld, uniqueEmail } from '../support/user-world';

describe('Sign-up with an Idempotency-Key', () => {
  let world: UserWorld;

  beforeAll(async () => {
    world = await createUserWorld();
  });
  afterAll(() => world.close());

  it('When the same sign-up is retried with the same key, then the first answer is replayed and one account exists', async () => {
    const key = randomUUID();
    const body = { email: uniqueEmail('retry'), password: PASSWORD, storeName: 'Retry Kicks' };

    const first = await world.http().post('/users/sellers').set('idempotency-key', key).send(body);
    const second = await world.http().post('/users/sellers').set('idempotency-key', key).send(body);

    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await world.prisma.user.count({ where: { email: body.email } })).toBe(1);
    expect(await world.prisma.outboxEvent.count({ where: { aggregateId: first.body.id } })).toBe(1);
  });

  it('When retries race with one key, then all get the same account', async () => {
    const key = randomUUID();
    const body = { email: uniqueEmail('race'), password: PASSWORD };

    const answers = await Promise.all(
      Array.from({ length: 4 }, () => world.http().post('/users/buyers').set('idempotency-key', key).send(body)),
    );

    expect(answers.map((res) => res.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(answers.map((res) => res.body.id)).size).toBe(1);
    expect(await world.prisma.user.count({ where: { email: body.email } })).toBe(1);
  });

  it.each([
    ['another password', { password: `${PASSWORD}?` }],
    ['another store name', { storeName: 'Not The Same' }],
  ])('When the key comes back with %s, then it answers 422 and writes nothing', async (_, change) => {
    const key = randomUUID();
    const body = { email: uniqueEmail('changed'), password: PASSWORD, storeName: 'Original' };
    await world.http().post('/users/sellers').set('idempotency-key', key).send(body);
    const before = await world.rowCounts();

    const res = await world
      .http()
      .post('/users/sellers')
      .set('idempotency-key', key)
      .send({ ...body, ...change });

    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ type: `${PROBLEM}idempotency/key-reused` });
    expect(await world.rowCounts()).toEqual(before);
  });

  it('When two people sign up with the same key, then the key does not collide (keys are scoped by email)', async () => {
    const key = randomUUID();

    const alice = await world
      .http()
      .post('/users/buyers')
      .set('idempotency-key', key)
      .send({
        email: uniqueEmail('alice'),
        password: PASSWORD,
      });
    const bob = await world
      .http()
      .post('/users/buyers')
      .set('idempotency-key', key)
      .send({
        email: uniqueEmail('bob'),
        password: PASSWORD,
      });

    expect([alice.status, bob.status]).toEqual([201, 201]);
    expect(bob.body.id).not.toBe(alice.body.id);
  });

  // A plain SHA-256 of the body would let whoever reads idempotency_keys test password guesses cheaply.
  it('When the stored fingerprint is read, then it is not a fast hash of the body with the password', async () => {
    const key = randomUUID();
    const email = uniqueEmail('fp');
    await world.http().post('/users/buyers').set('idempotency-key', key).send({ email, password: PASSWORD });
    const naive = createHash('sha256')
      .update(JSON.stringify({ role: 'BUYER', email, password: PASSWORD }))
      .digest('hex');

    const row = await world.prisma.idempotencyKey.findUniqueOrThrow({
      where: { scope_key: { scope: email, key } },
    });

    expect(row.fingerprint).not.toBe(naive);
    expect(JSON.stringify(row.response)).not.toContain(PASSWORD);
  });

  it('When a keyed sign-up is refused, then the key stays free for the corrected retry', async () => {
    const key = randomUUID();
    const email = uniqueEmail('fix');

    const bad = await world.http().post('/users/buyers').set('idempotency-key', key).send({ email, password: 'short' });
    const good = await world
      .http()
      .post('/users/buyers')
      .set('idempotency-key', key)
      .send({ email, password: PASSWORD });

    expect(bad.status).toBe(400);
    expect(good.status).toBe(201);
  });
});
