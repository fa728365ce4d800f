import { AppError, type Idempotently, type RouteResult } from '@sneakers/kit';
import type { Tx } from '../../../prisma';
import type { LedgerVerdict } from '../../claim-ledger/ledger';
import type { CouponDeps } from '../../coupon.deps';
import { userCouponView } from '../../coupon.views';
import { CouponErrors } from '../../domain/coupon.errors';
import { issueCoupon } from './issue-coupon.use-case';

export interface ClaimCoupon {
  policyId: string;
  buyerId: string;
}

/** Claims one coupon, through the request's idempotency, and reports how it ended. */
export async function claimCoupon(
  deps: CouponDeps,
  claim: ClaimCoupon,
  idempotently: Idempotently<Tx>,
): Promise<RouteResult> {
  try {
    const result = await claimOnce(deps, claim, idempotently);
    deps.claimResults.record(result.headers?.['Idempotent-Replayed'] === 'true' ? 'REPLAYED' : 'CLAIMED');
    return result;
  } catch (error) {
    deps.claimResults.record(error instanceof AppError ? error.code : 'FAILED');
    throw error;
  }
}

/**
 * First come, first served. Redis decides fast (one script: window, status, one per buyer, quantity),
 * so the many refusals of a storm never touch PostgreSQL; only a "yes" goes on to the database,
 * whose guarded count and unique constraint decide durably. When the database refuses what Redis
 * allowed (its state was lost or stale), the answer is the database's and the Redis mark is taken
 * back. A 201 is sent only after the coupon committed, so no answered claim can be lost.
 */
async function claimOnce(deps: CouponDeps, claim: ClaimCoupon, idempotently: Idempotently<Tx>): Promise<RouteResult> {
  const now = deps.clock();
  const verdict = await decideInRedis(deps, claim, now);

  if (verdict.kind !== 'claimed') {
    const refusal = refusalFor(verdict.kind);
    // A repeat of a claim that succeeded finds its buyer already marked: with the same key, it gets
    // the stored 201 back; without a stored answer, the refusal stands.
    if (verdict.kind === 'alreadyClaimed') return idempotently.replayOr(refusal);
    throw refusal;
  }

  let issued = false;
  try {
    const result = await idempotently(async (tx) => {
      const { coupon, policy } = await issueCoupon(tx, { policyId: claim.policyId, buyerId: claim.buyerId, now });
      issued = true;
      return { status: 201, body: userCouponView(coupon, policy, now) };
    });
    // A replayed answer means this request issued nothing: its fresh mark is not backed by a row.
    if (!issued) await deps.ledger.undo(claim.policyId, claim.buyerId);
    return result;
  } catch (error) {
    await takeBackMark(deps, claim, error).catch(() => undefined);
    throw error;
  }
}

/**
 * The database refused or failed after Redis said yes. A refusal (sold out, already claimed, paused,
 * outside the window) means the ledger disagrees with the database: drop it, so the next claim
 * rebuilds it from the truth. Any other failure takes back just this mark (even if the commit went
 * through and only its answer was lost, the unique constraint still stops a second coupon). If that
 * fails too, Redis counts one too many: a coupon may go unissued, never one too many.
 */
async function takeBackMark(deps: CouponDeps, { policyId, buyerId }: ClaimCoupon, error: unknown): Promise<void> {
  if (error instanceof AppError && error.status < 500) await deps.ledger.forget(policyId);
  else await deps.ledger.undo(policyId, buyerId);
}

async function decideInRedis(deps: CouponDeps, { policyId, buyerId }: ClaimCoupon, now: Date): Promise<LedgerVerdict> {
  try {
    const verdict = await deps.ledger.claim(policyId, buyerId, now);
    if (verdict.kind !== 'missing') return verdict;
    if (!(await deps.ledger.rebuild(policyId))) throw CouponErrors.policyNotFound();
    return await deps.ledger.claim(policyId, buyerId, now);
  } catch (error) {
    if (error instanceof AppError) throw error;
    // Redis is down or too slow: fail fast rather than send a storm to the database alone. A timed-out
    // script may still have run and marked this buyer; left there, that mark would hold a coupon
    // nobody gets. The undo goes down the same connection, so Redis runs it after the script, and it
    // takes back only a mark that exists. (If it fails too, the ledger overcounts until it is rebuilt:
    // a coupon may go unissued for a while, never one too many.)
    await deps.ledger.undo(policyId, buyerId).catch(() => undefined);
    throw CouponErrors.claimsUnavailable(error);
  }
}

function refusalFor(kind: Exclude<LedgerVerdict['kind'], 'claimed'>): AppError {
  switch (kind) {
    case 'notActive':
      return CouponErrors.policyNotActive();
    case 'notInWindow':
      return CouponErrors.notInClaimWindow();
    case 'alreadyClaimed':
      return CouponErrors.alreadyClaimed();
    case 'soldOut':
      return CouponErrors.soldOut();
    case 'missing':
      // Still missing right after a rebuild: the ledger was flushed again in between. Say so rather
      // than loop; the client retries.
      return CouponErrors.claimsUnavailable(new Error('claim ledger lost twice in a row'));
  }
}
