import { userRegistered } from '@sneakers/contracts';
import { writeOutboxEvent } from '@sneakers/kit';
import type { Tx } from '../prisma';
import type { User } from './domain/user';
import { insertUser } from './user.repository';

/** Every new account, whatever its role, is announced in the transaction that creates it. */
export async function registerUser(tx: Tx, user: User): Promise<void> {
  await insertUser(tx, user);
  await writeOutboxEvent(tx, userRegistered, {
    aggregateId: user.id,
    payload: { userId: user.id, email: user.email, role: user.role, registeredAt: user.createdAt.toISOString() },
  });
}
