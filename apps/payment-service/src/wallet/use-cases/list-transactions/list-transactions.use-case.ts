import { decodeCursor, instant, type Page, toPage } from '@sneakers/shared';
import { z } from 'zod';
import type { Tx } from '../../../prisma';
import type { LedgerEntry } from '../../domain/ledger-entry';
import { listLedgerEntries } from '../../wallet.repository';

// Where the previous page ended. The id bound keeps it within bigint, so no cursor reaches SQL as
// anything but a valid position.
const position = z.object({ createdAt: instant(), id: z.string().regex(/^[1-9]\d{0,17}$/) });

/** One page of the buyer's ledger, newest first. */
export async function listTransactions(
  tx: Tx,
  userId: string,
  { limit, cursor }: { limit: number; cursor?: string },
): Promise<Page<LedgerEntry>> {
  const after = cursor === undefined ? undefined : decodeCursor(cursor, position);
  const rows = await listLedgerEntries(tx, userId, {
    take: limit + 1,
    before: after && { createdAt: new Date(after.createdAt), id: after.id },
  });
  return toPage(
    rows,
    limit,
    (entry) => entry,
    (entry) => ({ createdAt: entry.createdAt.toISOString(), id: entry.id }),
  );
}
