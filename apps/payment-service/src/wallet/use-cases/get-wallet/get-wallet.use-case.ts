import type { SqlReader } from '@sneakers/kit';
import { findBalance } from '../../wallet.repository';

/** A buyer whose wallet is not open yet has an empty one; reading never opens it. */
export async function getWallet(db: SqlReader, userId: string): Promise<{ balance: number }> {
  return { balance: (await findBalance(db, userId)) ?? 0 };
}
