import type { PrismaClient } from '../../src/generated/prisma/client';

export interface LedgerState {
  balance: number | undefined;
  entries: number;
}

export async function ledgerState(prisma: PrismaClient, userId: string): Promise<LedgerState> {
  const [wallet, entries] = await Promise.all([
    prisma.wallet.findUnique({ where: { userId } }),
    prisma.walletTransaction.count({ where: { userId } }),
  ]);
  return { balance: wallet?.balance, entries };
}

/**
 * The money invariant for one wallet: walked in (created_at, id) order, every entry's balance_after
 * is the previous one moved by its amount, and the last equals the wallet's balance. Returns the
 * problems found (none when the ledger and the balance agree).
 */
export async function ledgerDisagreements(prisma: PrismaClient, userId: string): Promise<string[]> {
  const wallet = await prisma.wallet.findUnique({ where: { userId } });
  const entries = await prisma.walletTransaction.findMany({
    where: { userId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const problems: string[] = [];
  let running = 0;
  for (const entry of entries) {
    running += entry.type === 'PAYMENT' ? -entry.amount : entry.amount;
    if (entry.balanceAfter !== running)
      problems.push(`entry ${entry.id}: balance_after ${entry.balanceAfter}, expected ${running}`);
  }
  if ((wallet?.balance ?? 0) !== running) problems.push(`wallet balance ${wallet?.balance}, ledger sums to ${running}`);
  return problems;
}
