import type { CouponPolicy } from '../domain/coupon-policy';
import type { Ledger, LedgerVerdict, LoadClaimants } from './ledger';

interface PolicyLedger {
  status: CouponPolicy['status'];
  startsMs: number;
  endsMs: number;
  quantity: number;
  issued: number;
  buyers: Set<string>;
}

/**
 * The ledger of the embedded mode (one process, no Redis): the same decisions as the Redis
 * scripts, made atomically because nothing else runs between a check and its mark here.
 */
export class InMemoryClaimLedger implements Ledger {
  private readonly policies = new Map<string, PolicyLedger>();

  constructor(private readonly loadClaimants: LoadClaimants) {}

  async claim(policyId: string, buyerId: string, now: Date): Promise<LedgerVerdict> {
    const ledger = this.policies.get(policyId);
    if (!ledger) return { kind: 'missing' };
    if (ledger.status !== 'ACTIVE') return { kind: 'notActive' };
    if (now.getTime() < ledger.startsMs || now.getTime() >= ledger.endsMs) return { kind: 'notInWindow' };
    if (ledger.buyers.has(buyerId)) return { kind: 'alreadyClaimed' };
    if (ledger.issued >= ledger.quantity) return { kind: 'soldOut' };
    ledger.buyers.add(buyerId);
    ledger.issued += 1;
    return { kind: 'claimed', position: ledger.issued };
  }

  async undo(policyId: string, buyerId: string): Promise<void> {
    const ledger = this.policies.get(policyId);
    if (ledger?.buyers.delete(buyerId)) ledger.issued -= 1;
  }

  async forget(policyId: string): Promise<void> {
    this.policies.delete(policyId);
  }

  async rebuild(policyId: string): Promise<boolean> {
    const snapshot = await this.loadClaimants(policyId);
    if (!snapshot) return false;
    // A ledger installed while the snapshot was read has moved on since: keep it (as INSTALL does).
    if (this.policies.has(policyId)) return true;
    const { policy, buyerIds } = snapshot;
    this.policies.set(policyId, {
      status: policy.status,
      startsMs: policy.claimStartsAt.getTime(),
      endsMs: policy.claimEndsAt.getTime(),
      quantity: policy.totalQuantity,
      issued: policy.issuedCount,
      buyers: new Set(buyerIds),
    });
    return true;
  }

  async syncPolicy(policy: Pick<CouponPolicy, 'id' | 'status' | 'totalQuantity'>): Promise<void> {
    const ledger = this.policies.get(policy.id);
    if (!ledger) return;
    ledger.status = policy.status;
    ledger.quantity = policy.totalQuantity;
  }
}
