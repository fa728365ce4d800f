import { randomUUID } from 'node:crypto';
import { userRegistered } from '@sneakers/contracts';
import type { PayloadOf } from '@sneakers/kit';
import { messageOf, type ReactionHarness, startReactionHarness } from '@sneakers/kit/testing';
import request from 'supertest';
import { reactions } from '../../src/reactions';
import { ledgerState } from '../support/ledger';
import { logger, type PaymentApp, startPaymentApp } from '../support/payment-app';

const userRegisteredMessage = (payload: PayloadOf<typeof userRegistered>) =>
  messageOf(userRegistered, payload.userId, payload);

const registration = (role: 'BUYER' | 'SELLER' | 'ADMIN', userId: string = randomUUID()) => ({
  userId,
  email: `${userId}@example.test`,
  role,
  registeredAt: new Date().toISOString(),
});

describe('Opening a wallet when user.registered arrives (real Kafka)', () => {
  let app: PaymentApp;
  let harness: ReactionHarness;

  beforeAll(async () => {
    app = await startPaymentApp();
    harness = await startReactionHarness({ reactions, runInTransaction: app.runInTransaction, logger });
  });

  afterAll(async () => {
    await harness.stop();
    await app.close();
  });

  const deliver = (...messages: ReturnType<typeof userRegisteredMessage>[]) => harness.deliver(...messages);
  const applied = (eventId: string) =>
    app.prisma.processedEvent.count({ where: { consumer: harness.groupId, eventId } });

  it('When a buyer registers and the event is delivered twice, then exactly one empty wallet opens', async () => {
    const buyer = registration('BUYER');
    const message = userRegisteredMessage(buyer);

    await deliver(message, message);

    expect(await ledgerState(app.prisma, buyer.userId)).toEqual({ balance: 0, entries: 0 });
    expect(await app.prisma.wallet.count({ where: { userId: buyer.userId } })).toBe(1);
    expect(await applied(String(message.headers?.['event-id']))).toBe(1);
  });

  it('When a seller or an admin registers, then no wallet opens', async () => {
    const seller = registration('SELLER');
    const admin = registration('ADMIN');

    await deliver(userRegisteredMessage(seller), userRegisteredMessage(admin));

    expect(await app.prisma.wallet.count({ where: { userId: { in: [seller.userId, admin.userId] } } })).toBe(0);
  });

  it('When a buyer charged before their event arrived, then the late event keeps the one wallet and its balance', async () => {
    const buyer = await app.caller('BUYER');
    await request(app.server).post('/wallet/charges').set('Authorization', buyer.authorization).send({ amount: 3_000 });

    await deliver(userRegisteredMessage(registration('BUYER', buyer.userId)));

    expect(await ledgerState(app.prisma, buyer.userId)).toEqual({ balance: 3_000, entries: 1 });
  });
});
