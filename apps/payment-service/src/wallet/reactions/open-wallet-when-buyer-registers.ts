import { userRegistered } from '@sneakers/contracts';
import { react } from '@sneakers/kit';
import type { Tx } from '../../prisma';
import { openWallet } from '../wallet.repository';

/** Every buyer gets a wallet as soon as they exist; sellers and admins never pay from one. */
export const openWalletWhenBuyerRegisters = react(userRegistered, async ({ payload }, tx: Tx) => {
  if (payload.role === 'BUYER') await openWallet(tx, payload.userId);
});
