import { chargeWalletRoute } from '@sneakers/contracts';
import { handleIdempotent } from '@sneakers/kit';
import type { Router } from 'express';
import type { WalletDeps } from '../../wallet.deps';
import { ledgerEntryView, walletView } from '../../wallet.views';
import { chargeWallet } from './charge-wallet.use-case';

export function serveChargeWallet(router: Router, { runInTransaction, limits }: WalletDeps): void {
  handleIdempotent(router, chargeWalletRoute, runInTransaction, ({ identity, body, idempotently }) =>
    idempotently(async (tx) => {
      const charge = await chargeWallet(tx, limits, { userId: identity.userId, amount: body.amount });
      return { status: 201, body: { charge: ledgerEntryView(charge), wallet: walletView(charge.balanceAfter) } };
    }),
  );
}
