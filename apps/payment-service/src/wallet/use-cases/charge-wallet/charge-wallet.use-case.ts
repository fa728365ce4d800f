import type { Tx } from '../../../prisma';
import type { LedgerEntry } from '../../domain/ledger-entry';
import { WalletErrors } from '../../domain/wallet.errors';
import { assertChargeAllowed, type WalletLimits } from '../../domain/wallet-limits';
import { creditWallet, openWallet, recordLedgerEntry } from '../../wallet.repository';

export interface ChargeWallet {
  userId: string;
  amount: number;
}

/** Tops up a buyer's balance and writes the CHARGE entry, both in the caller's transaction. */
export async function chargeWallet(
  tx: Tx,
  limits: WalletLimits,
  { userId, amount }: ChargeWallet,
): Promise<LedgerEntry> {
  assertChargeAllowed(amount, limits);
  // A buyer may charge before user.registered reached us: the wallet opens on first use too.
  await openWallet(tx, userId);
  const balance = await creditWallet(tx, userId, amount, limits.balanceCap);
  if (balance === undefined) throw WalletErrors.balanceCapExceeded(limits.balanceCap);
  return recordLedgerEntry(tx, { userId, type: 'CHARGE', amount, balanceAfter: balance });
}
