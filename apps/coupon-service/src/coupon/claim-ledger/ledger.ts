import type { CouponPolicy } from '../domain/coupon-policy';

export type LedgerVerdict =
  | { kind: 'claimed'; position: number }
  | { kind: 'missing' | 'notActive' | 'notInWindow' | 'alreadyClaimed' | 'soldOut' };

/** Reads the database snapshot a rebuild starts from; undefined when the policy does not exist. */
export type LoadClaimants = (policyId: string) => Promise<{ policy: CouponPolicy; buyerIds: string[] } | undefined>;

/**
 * The fast half of first come, first served: decides claims in memory so a storm of refusals never
 * reaches PostgreSQL, which stays the durable truth (the ledger is a cache of it, rebuilt on demand).
 */
export interface Ledger {
  claim(policyId: string, buyerId: string, now: Date): Promise<LedgerVerdict>;
  /** Takes back a mark the database refused (or that may not have committed). Safe to repeat. */
  undo(policyId: string, buyerId: string): Promise<void>;
  /** Drops the policy's ledger so the next claim rebuilds it from the database. */
  forget(policyId: string): Promise<void>;
  /** Rebuilds the policy's ledger from the database; false when the policy does not exist. */
  rebuild(policyId: string): Promise<boolean>;
  /** Mirrors a committed policy change (status, quantity) into an existing ledger. */
  syncPolicy(policy: Pick<CouponPolicy, 'id' | 'status' | 'totalQuantity'>): Promise<void>;
}
