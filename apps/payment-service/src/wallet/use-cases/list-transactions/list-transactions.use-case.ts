import { keysetPage, newestFirst, type Page, type PageRequest, type SqlReader } from '@sneakers/kit';
import { z } from 'zod';
import type { LedgerEntry } from '../../domain/ledger-entry';
import { listLedgerEntries } from '../../wallet.repository';

// The id bound keeps a cursor's id within bigint, so no cursor reaches SQL as anything but a valid position.
const byCreatedAt = newestFirst('createdAt', z.string().regex(/^[1-9]\d{0,17}$/));

/** One page of the buyer's ledger, newest first. */
export function listTransactions(db: SqlReader, userId: string, query: PageRequest): Promise<Page<LedgerEntry>> {
  return keysetPage(query, byCreatedAt, (window) => listLedgerEntries(db, userId, window));
}
