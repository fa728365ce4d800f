import type { Reaction } from '@sneakers/shared';
import type { Tx } from '../prisma';
import { openWalletWhenBuyerRegisters } from '../wallet/reactions/open-wallet-when-buyer-registers';

/** Every event this service reacts to, in one list. */
export const reactions: Reaction<Tx>[] = [openWalletWhenBuyerRegisters];
