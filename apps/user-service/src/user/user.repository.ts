import { type InstantPosition, type KeysetWindow, type Role, rowsAfter, type SellerStatus } from '@sneakers/kit';
import { Prisma, type User as UserRow } from '../generated/prisma/client';
import type { Tx } from '../prisma';
import type { Seller, User } from './domain/user';
import { UserErrors } from './domain/user.errors';

/** Rows → domain; a SELLER row without its store or status is corrupt data, never a valid Seller. */
function toUser(row: UserRow): User {
  const account = {
    id: row.id,
    email: row.email,
    passwordHash: row.passwordHash,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
  if (row.dtype !== 'SELLER') return { ...account, role: row.dtype };
  if (row.storeName === null || row.sellerStatus === null) {
    throw new Error(`users row ${row.id} is a SELLER without a store name or status`);
  }
  return {
    ...account,
    role: 'SELLER',
    storeName: row.storeName,
    sellerStatus: row.sellerStatus,
    approvedAt: row.approvedAt,
  };
}

function toRow(user: User): UserRow {
  const seller = user.role === 'SELLER' ? user : undefined;
  return {
    id: user.id,
    dtype: user.role,
    email: user.email,
    passwordHash: user.passwordHash,
    storeName: seller?.storeName ?? null,
    sellerStatus: seller?.sellerStatus ?? null,
    approvedAt: seller?.approvedAt ?? null,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}

/** Throws USER.EMAIL_TAKEN when the (lower-cased) email exists, even if another request won the race. */
export async function insertUser(db: Tx, user: User): Promise<void> {
  try {
    await db.user.create({ data: toRow(user) });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw UserErrors.emailTaken();
    throw error;
  }
}

export async function findUserByEmail(db: Tx, email: string): Promise<User | null> {
  const row = await db.user.findUnique({ where: { email } });
  return row && toUser(row);
}

export async function findUserById(db: Tx, id: string): Promise<User | null> {
  const row = await db.user.findUnique({ where: { id } });
  return row && toUser(row);
}

/** The user, its row locked until the transaction ends, so concurrent decisions apply one by one. */
export async function lockUserById(db: Tx, id: string): Promise<User> {
  await db.$queryRaw`SELECT 1 FROM users WHERE id = ${id}::uuid FOR UPDATE`;
  const user = await findUserById(db, id);
  if (!user) throw UserErrors.notFound(id);
  return user;
}

export async function saveSellerStatus(db: Tx, seller: Seller): Promise<void> {
  await db.user.update({
    where: { id: seller.id },
    data: { sellerStatus: seller.sellerStatus, approvedAt: seller.approvedAt, updatedAt: seller.updatedAt },
  });
}

export interface UserFilter extends KeysetWindow<InstantPosition<'createdAt'>> {
  role?: Role;
  sellerStatus?: SellerStatus;
}

/** Newest first by (created_at, id); `after` continues strictly after the last user shown. */
export async function listUsers(db: Tx, { role, sellerStatus, after, take }: UserFilter): Promise<User[]> {
  const rows = await db.user.findMany({
    where: {
      dtype: role,
      sellerStatus,
      ...(after && rowsAfter('createdAt', after.createdAt, after.id)),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
  });
  return rows.map(toUser);
}
