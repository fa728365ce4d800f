import type { InstantPosition, KeysetWindow, SqlExecutor, SqlReader } from '@sneakers/kit';
import type { WalletTransaction } from '../generated/prisma/client';
import type { Tx } from '../prisma';
import type { LedgerEntry, LedgerEntryType } from './domain/ledger-entry';

/** Opens the buyer's wallet unless it exists; safe to call on every use and on every redelivery. */
export async function openWallet(tx: Tx, userId: string): Promise<void> {
  await tx.$executeRawUnsafe('INSERT INTO wallets (user_id) VALUES ($1::uuid) ON CONFLICT DO NOTHING', userId);
}

/** Locks these buyers' wallets, in id order (see lockPaymentsForRun). */
export async function lockWallets(tx: Tx, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  await tx.$queryRawUnsafe(
    'SELECT user_id FROM wallets WHERE user_id = ANY($1::uuid[]) ORDER BY user_id FOR UPDATE',
    userIds,
  );
}

/**
 * Adds `amount` unless the balance would pass `balanceCap`, in one statement: concurrent credits
 * queue on the row lock and each re-checks the cap against the balance it finally sees, so none is
 * lost and the cap holds. Returns the new balance, or undefined when the cap refused it.
 */
export async function creditWallet(
  tx: Tx,
  userId: string,
  amount: number,
  balanceCap: number,
): Promise<number | undefined> {
  const rows = await tx.$queryRawUnsafe<Array<{ balance: number }>>(
    `UPDATE wallets SET balance = balance + $2
     WHERE user_id = $1::uuid AND balance + $2 <= $3
     RETURNING balance`,
    userId,
    amount,
    balanceCap,
  );
  return rows[0]?.balance;
}

/**
 * Takes `amount` only if the balance covers it, and records the PAYMENT entry, in one statement:
 * concurrent debits queue on the row lock and each re-checks against the balance it finally sees,
 * so the balance never goes negative. Returns the new balance, or undefined when it did not cover
 * the amount (or no wallet is open), in which case nothing is written.
 */
export async function payFromWallet(tx: SqlExecutor, userId: string, amount: number): Promise<number | undefined> {
  const rows = await tx.$queryRawUnsafe<Array<{ balance: number }>>(
    `WITH debited AS (
       UPDATE wallets SET balance = balance - $2 WHERE user_id = $1::uuid AND balance >= $2 RETURNING balance
     )
     INSERT INTO wallet_transactions (user_id, type, amount, balance_after)
     SELECT $1::uuid, 'PAYMENT', $2, balance FROM debited
     RETURNING balance_after AS balance`,
    userId,
    amount,
  );
  return rows[0]?.balance;
}

/**
 * Gives back money this wallet paid. Never refused by the balance cap: the buyer must get their money
 * back, so a refund may leave the balance above the cap (charges are then refused until it is spent).
 * int4 limit: the balance plus every payment still open stays below 2^31 only while that sum does;
 * with the default cap (1e7) that takes more than 200 full-cap payments refunded at once.
 */
export async function returnToWallet(tx: Tx, userId: string, amount: number): Promise<number> {
  await openWallet(tx, userId);
  const rows = await tx.$queryRawUnsafe<Array<{ balance: number }>>(
    'UPDATE wallets SET balance = balance + $2 WHERE user_id = $1::uuid RETURNING balance',
    userId,
    amount,
  );
  const [row] = rows;
  if (!row) throw new Error(`Wallet ${userId} vanished while money was returned to it`);
  return row.balance;
}

const LEDGER_COLUMNS = `id, type::text AS type, amount, balance_after AS "balanceAfter", created_at AS "createdAt"`;

/** Call right after the balance change, in its transaction, while that wallet's row is locked. */
export async function recordLedgerEntry(
  tx: Tx,
  entry: { userId: string; type: LedgerEntryType; amount: number; balanceAfter: number },
): Promise<LedgerEntry> {
  const [row] = await tx.$queryRawUnsafe<LedgerRow[]>(
    `INSERT INTO wallet_transactions (user_id, type, amount, balance_after)
     VALUES ($1::uuid, $2::wallet_transaction_type, $3, $4)
     RETURNING ${LEDGER_COLUMNS}`,
    entry.userId,
    entry.type,
    entry.amount,
    entry.balanceAfter,
  );
  return toLedgerEntry(row as LedgerRow);
}

const SELECT_BALANCE = 'SELECT balance FROM wallets WHERE user_id = $1::uuid';

/**
 * One statement, outside a transaction: inside one, `GET /wallet` also paid a BEGIN and a COMMIT,
 * three round trips instead of one (Prisma's share of payment-service's CPU under that load fell
 * from 27 % to 13 % without them, measured with --cpu-prof).
 */
export async function findBalance(db: SqlReader, userId: string): Promise<number | undefined> {
  const [row] = await db.$queryRawUnsafe<Array<{ balance: number }>>(SELECT_BALANCE, userId);
  return row?.balance;
}

/** Newest first by (created_at, id); `after` continues strictly after the last entry shown. */
export async function listLedgerEntries(
  db: SqlReader,
  userId: string,
  { after, take }: KeysetWindow<InstantPosition<'createdAt'>>,
): Promise<LedgerEntry[]> {
  // A row comparison bounds the index scan where the equivalent OR only filters it, so a deep page
  // costs what the first does instead of reading every newer entry again.
  const afterCursor = after ? 'AND (created_at, id) < ($3::timestamptz, $4::bigint)' : '';
  const cursor = after ? [after.createdAt, after.id] : [];
  const rows = await db.$queryRawUnsafe<LedgerRow[]>(
    `SELECT ${LEDGER_COLUMNS}
     FROM wallet_transactions
     WHERE user_id = $1::uuid ${afterCursor}
     ORDER BY created_at DESC, id DESC
     LIMIT $2`,
    userId,
    take,
    ...cursor,
  );
  return rows.map(toLedgerEntry);
}

type LedgerRow = Pick<WalletTransaction, 'id' | 'type' | 'amount' | 'balanceAfter' | 'createdAt'>;

function toLedgerEntry(row: LedgerRow): LedgerEntry {
  return {
    id: row.id.toString(),
    type: row.type,
    amount: row.amount,
    balanceAfter: row.balanceAfter,
    createdAt: row.createdAt,
  };
}
