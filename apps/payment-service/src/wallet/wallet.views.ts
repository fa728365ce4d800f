import type { ledgerEntrySchema, walletSchema } from '@sneakers/contracts';
import type { z } from 'zod';
import type { LedgerEntry } from './domain/ledger-entry';

/** The JSON shapes of the wallet contracts, typed by them so the two cannot drift apart. */
export const walletView = (balance: number): z.infer<typeof walletSchema> => ({ balance, currency: 'KRW' });

export const ledgerEntryView = (entry: LedgerEntry): z.infer<typeof ledgerEntrySchema> => ({
  id: entry.id,
  type: entry.type,
  amount: entry.amount,
  balanceAfter: entry.balanceAfter,
  createdAt: entry.createdAt.toISOString(),
});
