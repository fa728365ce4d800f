export type LedgerEntryType = 'CHARGE' | 'PAYMENT' | 'REFUND';

/** One balance change; amounts are positive KRW and the type says which way the balance moved. */
export interface LedgerEntry {
  id: string;
  type: LedgerEntryType;
  amount: number;
  balanceAfter: number;
  createdAt: Date;
}
