import { getWalletRoute } from '@sneakers/contracts';
import { handle } from '@sneakers/kit';
import type { Router } from 'express';
import type { WalletDeps } from '../../wallet.deps';
import { walletView } from '../../wallet.views';
import { getWallet } from './get-wallet.use-case';

export function serveGetWallet(router: Router, { reads }: WalletDeps): void {
  handle(router, getWalletRoute, async ({ identity }) => {
    const { balance } = await getWallet(reads, identity.userId);
    return { status: 200, body: walletView(balance) };
  });
}
