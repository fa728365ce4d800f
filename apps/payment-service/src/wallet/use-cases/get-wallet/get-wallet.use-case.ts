import type { Tx } from '../../../prisma';
import { findBalance } from '../../wallet.repository';

/** A buyer whose wallet is not open yet has an empty one; reading never opens it. */
export async function getWallet(tx: Tx, userId: string): Promise<{ balance: number }> {
  return { balance: (await findBalance(tx, userId)) ?? 0 };
}
