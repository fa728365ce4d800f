import {
  findContractBreaks,
  loadConsumerContracts,
  type ProducedSamples,
  sellerApproved,
  sellerSuspended,
  userRegistered,
} from '@sneakers/contracts';
import { ACCESS_TOKEN } from '@sneakers/kit';
import { createUserWorld, PASSWORD, type UserWorld, uniqueEmail } from '../support/user-world';

describe("user-service against its consumers' contracts", () => {
  let world: UserWorld;
  let produced: ProducedSamples;

  // A buyer signs up and logs in; a token verifier fetches the keys; an admin approves a seller,
  // then suspends it.
  beforeAll(async () => {
    world = await createUserWorld();
    const email = uniqueEmail('buyer');
    const signUp = await world.http().post('/users/buyers').send({ email, password: PASSWORD });
    const logIn = await world.http().post('/auth/login').send({ email, password: PASSWORD });
    const jwks = await world.http().get(ACCESS_TOKEN.jwksPath);
    const admin = `Bearer ${(await world.admin()).accessToken}`;
    const seller = await world.signUp('sellers');
    for (const decision of ['approve', 'suspend']) {
      await world.http().post(`/admin/sellers/${seller.id}/${decision}`).set('authorization', admin).expect(200);
    }
    produced = {
      events: await world.prisma.outboxEvent.findMany(),
      responses: [
        { route: 'POST /users/buyers', status: signUp.status, body: signUp.body },
        { route: 'POST /auth/login', status: logIn.status, body: logIn.body },
        { route: `GET ${ACCESS_TOKEN.jwksPath}`, status: jwks.status, body: jwks.body },
      ],
    };
  });
  afterAll(() => world.close());

  it('When every consumer reads what it declared, then user-service still produces each field with its type', () => {
    const contracts = loadConsumerContracts('user-service');
    const provider = { name: 'user-service', events: [userRegistered, sellerApproved, sellerSuspended] } as const;

    expect(contracts.map((c) => c.consumer)).toEqual(
      expect.arrayContaining(['payment-service', 'catalog-service', 'coupon-service']),
    );
    expect(findContractBreaks(provider, contracts, produced)).toEqual([]);
  });
});
