import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { CouponPolicy } from '../domain/coupon-policy';
import {
  CLAIM_SCRIPT,
  INSTALL_SCRIPT,
  LEDGER_CODES,
  SYNC_SCRIPT,
  UNDO_SCRIPT,
  UNLOCK_SCRIPT,
} from './claim-ledger.scripts';
import type { Ledger, LedgerVerdict, LoadClaimants } from './ledger';

interface LedgerCommands {
  couponClaim(meta: string, buyers: string, buyerId: string, nowMs: number): Promise<number>;
  couponUndo(meta: string, buyers: string, buyerId: string): Promise<number>;
  couponInstall(meta: string, buyers: string, stagedMeta: string, stagedBuyers: string, ttlMs: number): Promise<number>;
  couponSync(meta: string, ...fieldValues: string[]): Promise<number>;
  couponUnlock(lock: string, token: string): Promise<number>;
}

// A rebuilt ledger lives this long. Expiry is harmless (the next claim rebuilds it from the database)
// and bounds how long a ledger that missed a policy change can stay stale (see syncPolicy).
const LEDGER_TTL_MS = 60 * 60 * 1000;
const REBUILD_LOCK_TTL_MS = 10_000;
const SADD_CHUNK = 5_000;

/**
 * The Redis half of first come, first served: one atomic script per claim decides in memory, so a
 * storm of refusals never reaches PostgreSQL. The database stays the durable truth; this ledger is
 * a cache of it (issued count, who claimed, status, window) that is rebuilt whenever it is missing.
 */
export class ClaimLedger implements Ledger {
  private readonly redis: Redis & LedgerCommands;
  private readonly rebuilding = new Map<string, Promise<boolean>>();

  constructor(
    redis: Redis,
    private readonly prefix: string,
    private readonly loadClaimants: LoadClaimants,
  ) {
    this.redis = defineCommands(redis);
  }

  async claim(policyId: string, buyerId: string, now: Date): Promise<LedgerVerdict> {
    const { meta, buyers } = this.keys(policyId);
    const code = await this.redis.couponClaim(meta, buyers, buyerId, now.getTime());
    if (code > 0) return { kind: 'claimed', position: code };
    return { kind: VERDICTS[code] ?? 'missing' };
  }

  /** Takes back a mark the database refused (or that may not have committed). Safe to repeat. */
  async undo(policyId: string, buyerId: string): Promise<void> {
    const { meta, buyers } = this.keys(policyId);
    await this.redis.couponUndo(meta, buyers, buyerId);
  }

  /**
   * Drops the policy's ledger so the next claim rebuilds it from the database. Used when the
   * database refused what the ledger allowed: the ledger is stale (it missed a change, or a rebuild
   * snapshot missed claims still committing), and a fresh snapshot is how it converges.
   */
  async forget(policyId: string): Promise<void> {
    const { meta, buyers } = this.keys(policyId);
    await this.redis.del(meta, buyers);
  }

  /**
   * Rebuilds the policy's ledger from the database; false when the policy does not exist.
   * One rebuild at a time: callers in this process share one promise, and across processes a
   * single-instance lock (SET NX PX, Redlock's one-node form) lets one process read the database
   * while the others wait for its result. The lock only saves work: correctness never depends on it.
   * If it expires early (a GC pause, a slow database) or Redis fails over and forgets it, two
   * rebuilds may run, and INSTALL_SCRIPT lets only the first put its snapshot in place; a stale
   * snapshot can only undercount claims still committing, which the database guard then refuses.
   * So none of Redlock's known limits (no fencing tokens, clock and pause assumptions) can over-issue.
   */
  rebuild(policyId: string): Promise<boolean> {
    const running = this.rebuilding.get(policyId);
    if (running) return running;
    const rebuild = this.rebuildOnce(policyId).finally(() => this.rebuilding.delete(policyId));
    this.rebuilding.set(policyId, rebuild);
    return rebuild;
  }

  /**
   * Mirrors a committed policy change (status, quantity) into an existing ledger. A ledger rebuilt
   * from a snapshot older than the change could still miss it; the database guard keeps that from
   * over-issuing or claiming on a paused policy, and LEDGER_TTL_MS bounds how long a raise could go
   * unseen.
   */
  async syncPolicy(policy: Pick<CouponPolicy, 'id' | 'status' | 'totalQuantity'>): Promise<void> {
    const { meta } = this.keys(policy.id);
    await this.redis.couponSync(meta, 'status', policy.status, 'quantity', String(policy.totalQuantity));
  }

  private async rebuildOnce(policyId: string): Promise<boolean> {
    const { lock } = this.keys(policyId);
    const token = randomUUID();
    const locked = await this.redis.set(lock, token, 'PX', REBUILD_LOCK_TTL_MS, 'NX');
    if (!locked && (await this.waitForLedger(policyId))) return true;
    try {
      const snapshot = await this.loadClaimants(policyId);
      if (!snapshot) return false;
      await this.install(snapshot.policy, snapshot.buyerIds);
      return true;
    } finally {
      if (locked) await this.redis.couponUnlock(lock, token);
    }
  }

  private async install(policy: CouponPolicy, buyerIds: string[]): Promise<void> {
    const { meta, buyers } = this.keys(policy.id);
    const stagedMeta = `${meta}:staged:${randomUUID()}`;
    const stagedBuyers = `${buyers}:staged:${randomUUID()}`;
    const staging = this.redis.multi();
    staging.hset(stagedMeta, {
      status: policy.status,
      starts: policy.claimStartsAt.getTime(),
      ends: policy.claimEndsAt.getTime(),
      quantity: policy.totalQuantity,
      issued: policy.issuedCount,
    });
    staging.sadd(stagedBuyers, '~');
    for (let i = 0; i < buyerIds.length; i += SADD_CHUNK)
      staging.sadd(stagedBuyers, ...buyerIds.slice(i, i + SADD_CHUNK));
    // Staged keys left behind by a crash expire on their own.
    staging.pexpire(stagedMeta, LEDGER_TTL_MS).pexpire(stagedBuyers, LEDGER_TTL_MS);
    await staging.exec();
    await this.redis.couponInstall(meta, buyers, stagedMeta, stagedBuyers, LEDGER_TTL_MS);
  }

  /**
   * Another process holds the rebuild lock: wait for its ledger rather than read the database too.
   * False once the lock is gone without a ledger (the policy does not exist, or that rebuild failed).
   */
  private async waitForLedger(policyId: string): Promise<boolean> {
    const { meta, buyers, lock } = this.keys(policyId);
    for (;;) {
      if ((await this.redis.exists(meta, buyers)) === 2) return true;
      if ((await this.redis.exists(lock)) === 0) return false;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private keys(policyId: string) {
    const base = `${this.prefix}policy:{${policyId}}`;
    return { meta: `${base}:meta`, buyers: `${base}:buyers`, lock: `${base}:rebuild-lock` };
  }
}

const VERDICTS: Record<number, Exclude<LedgerVerdict['kind'], 'claimed'>> = {
  [LEDGER_CODES.missing]: 'missing',
  [LEDGER_CODES.notActive]: 'notActive',
  [LEDGER_CODES.notInWindow]: 'notInWindow',
  [LEDGER_CODES.alreadyClaimed]: 'alreadyClaimed',
  [LEDGER_CODES.soldOut]: 'soldOut',
};

// defineCommand sends EVALSHA and falls back to EVAL when the script cache was flushed.
function defineCommands(redis: Redis): Redis & LedgerCommands {
  const scripts: Array<[keyof LedgerCommands, number, string]> = [
    ['couponClaim', 2, CLAIM_SCRIPT],
    ['couponUndo', 2, UNDO_SCRIPT],
    ['couponInstall', 4, INSTALL_SCRIPT],
    ['couponSync', 1, SYNC_SCRIPT],
    ['couponUnlock', 1, UNLOCK_SCRIPT],
  ];
  for (const [name, numberOfKeys, lua] of scripts)
    if (!(name in redis)) redis.defineCommand(name, { numberOfKeys, lua });
  return redis as Redis & LedgerCommands;
}
