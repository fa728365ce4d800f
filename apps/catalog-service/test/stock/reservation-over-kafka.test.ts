import { randomUUID } from 'node:crypto';
import { orderCancelled, orderPlaced } from '@sneakers/contracts';
import { messageOf, type ReactionHarness, startReactionHarness } from '@sneakers/kit/testing';
import type { Message } from 'kafkajs';
import { catalogReactions } from '../../src/reactions';
import { type CatalogDb, logger, startCatalogDb } from '../support/catalog-db';
import { outboxTypes, seedProduct, stockOf } from '../support/seed';

describe('Reserving and releasing stock when order events arrive (real Kafka)', () => {
  let db: CatalogDb;
  let harness: ReactionHarness;

  beforeAll(async () => {
    db = await startCatalogDb();
    harness = await startReactionHarness({
      reactions: catalogReactions({ SALES_TIME_ZONE: 'Asia/Seoul' }),
      runInTransaction: db.runInTransaction,
      logger,
    });
  });

  afterAll(async () => {
    await harness.stop();
    await db.close();
  });

  const deliver = (...messages: Message[]) => harness.deliver(...messages);

  it('When order.placed is delivered twice and then order.cancelled, then the stock is held once and released', async () => {
    const { skus } = await seedProduct(db.prisma, { stock: 5 });
    const skuId = skus[270] as string;
    const orderId = randomUUID();
    const buyerId = randomUUID();
    const placed = messageOf(orderPlaced, orderId, {
      orderId,
      buyerId,
      lines: [{ skuId, quantity: 2 }],
      placedAt: new Date().toISOString(),
    });

    await deliver(placed, placed);
    expect(await stockOf(db.prisma, skuId)).toEqual({ stocked: 5, available: 3, reserved: 2, sold: 0 });

    await deliver(
      messageOf(orderCancelled, orderId, {
        orderId,
        buyerId,
        reason: 'EXPIRED',
        cancelledAt: new Date().toISOString(),
      }),
    );
    expect(await stockOf(db.prisma, skuId)).toEqual({ stocked: 5, available: 5, reserved: 0, sold: 0 });
    expect(await outboxTypes(db.prisma, orderId)).toEqual(['stock.reserved']);
  });
});
