import { listWalletTransactionsRoute } from '@sneakers/contracts';
import { handle } from '@sneakers/kit';
import type { Router } from 'express';
import type { WalletDeps } from '../../wallet.deps';
import { ledgerEntryView } from '../../wallet.views';
import { listTransactions } from './list-transactions.use-case';

export function serveListTransactions(router: Router, { reads }: WalletDeps): void {
  handle(router, listWalletTransactionsRoute, async ({ identity, query }) => {
    const page = await listTransactions(reads, identity.userId, query);
    return { status: 200, body: { ...page, items: page.items.map(ledgerEntryView) } };
  });
}
