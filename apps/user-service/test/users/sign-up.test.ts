import { createUserWorld, PASSWORD, PROBLEM, type UserWorld, uniqueEmail } from '../support/user-world';

describe('Sign-up', () => {
  let world: UserWorld;

  beforeAll(async () => {
    world = await createUserWorld();
  });
  afterAll(() => world.close());

  it('When a buyer signs up, then it gets 201 with its account and no password hash', async () => {
    const email = uniqueEmail('buyer');

    const res = await world.http().post('/users/buyers').send({ email, password: PASSWORD });

    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      email,
      role: 'BUYER',
      seller: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(JSON.stringify(res.body)).not.toMatch(/scrypt|hash/i);
    const row = await world.prisma.user.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row).toMatchObject({ dtype: 'BUYER', storeName: null, sellerStatus: null });
    expect(row.passwordHash).toMatch(/^\$scrypt\$ln=\d+,r=\d+,p=\d+\$/);
  });

  it('When a seller signs up, then it is a PENDING seller with its store name, in the same users table', async () => {
    const email = uniqueEmail('seller');

    const res = await world
      .http()
      .post('/users/sellers')
      .send({ email, password: PASSWORD, storeName: '  Kicks Corner ' });

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      role: 'SELLER',
      seller: { storeName: 'Kicks Corner', status: 'PENDING', approvedAt: null },
    });
    const row = await world.prisma.user.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row).toMatchObject({
      dtype: 'SELLER',
      storeName: 'Kicks Corner',
      sellerStatus: 'PENDING',
      approvedAt: null,
    });
  });

  it('When the email has capitals, then it is stored lower-cased and the same address in any case is taken', async () => {
    const local = uniqueEmail('MiXeD');

    const first = await world.http().post('/users/buyers').send({ email: local, password: PASSWORD });
    const again = await world
      .http()
      .post('/users/sellers')
      .send({ email: local.toUpperCase(), password: PASSWORD, storeName: 'Copycat' });

    expect(first.body.email).toBe(local.toLowerCase());
    expect(again.status).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.body).toMatchObject({ type: `${PROBLEM}user/email-taken`, code: 'USER.EMAIL_TAKEN' });
    expect(await world.prisma.user.count({ where: { email: local.toLowerCase() } })).toBe(1);
  });

  it('When two sign-ups race for one email, then exactly one account exists and the other gets 409', async () => {
    const email = uniqueEmail('race');

    const answers = await Promise.all(
      Array.from({ length: 5 }, () => world.http().post('/users/buyers').send({ email, password: PASSWORD })),
    );

    expect(answers.map((res) => res.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(await world.prisma.user.count({ where: { email } })).toBe(1);
  });

  it('When someone signs up, then it can log in with that password and no other', async () => {
    const { email } = await world.signUp('buyers');

    const good = await world.http().post('/auth/login').send({ email, password: PASSWORD });
    const bad = await world
      .http()
      .post('/auth/login')
      .send({ email, password: `${PASSWORD}!` });

    expect(good.status).toBe(200);
    expect(bad.status).toBe(401);
  });
});
