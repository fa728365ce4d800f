import { randomUUID } from 'node:crypto';
import { AppError, idempotently } from '@sneakers/kit';
import { claimCoupon } from '../../src/coupon/use-cases/claim-coupon/claim-coupon.use-case';
import type { CouponApp } from './coupon-app';

export interface StormOutcome {
  buyerId: string;
  /** 201, or the refusal's code (COUPON.SOLD_OUT, …). */
  answer: number | string;
}

/** `count` distinct buyers, plus `repeats` second attempts by the first of them, shuffled. */
export function stormOf(count: number, repeats: number): string[] {
  const buyers: string[] = Array.from({ length: count }, () => randomUUID());
  const attempts = [...buyers, ...buyers.slice(0, repeats)];
  for (let i = attempts.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [attempts[i], attempts[j]] = [attempts[j] as string, attempts[i] as string];
  }
  return attempts;
}

/**
 * Every attempt started at once, through the claim use case itself (the HTTP layer adds only token
 * checks and JSON; the benchmark measures real HTTP). `during` runs while the storm is in flight.
 */
export async function runStorm(
  app: CouponApp,
  policyId: string,
  attempts: string[],
  during?: (answered: () => number) => Promise<void>,
): Promise<StormOutcome[]> {
  let answered = 0;
  const claims = attempts.map(async (buyerId) => {
    try {
      const result = await claimCoupon(
        app.deps,
        { policyId, buyerId },
        idempotently(app.deps.runInTransaction, undefined),
      );
      return { buyerId, answer: result.status };
    } catch (error) {
      if (error instanceof AppError) return { buyerId, answer: error.code };
      throw error;
    } finally {
      answered += 1;
    }
  });
  const [outcomes] = await Promise.all([Promise.all(claims), during?.(() => answered)]);
  return outcomes;
}

export function tally(outcomes: StormOutcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { answer } of outcomes) counts[answer] = (counts[answer] ?? 0) + 1;
  return counts;
}

/** What the database and the Redis ledger each hold for the policy. */
export async function issuedState(app: CouponApp, policyId: string) {
  const [policy, coupons, meta, members] = await Promise.all([
    app.prisma.couponPolicy.findUniqueOrThrow({ where: { id: policyId } }),
    app.prisma.userCoupon.findMany({ where: { policyId }, select: { buyerId: true } }),
    app.redis.hgetall(`${app.keyPrefix}policy:{${policyId}}:meta`),
    app.redis.smembers(`${app.keyPrefix}policy:{${policyId}}:buyers`),
  ]);
  return {
    issuedCount: policy.issuedCount,
    databaseBuyers: coupons.map((c) => c.buyerId).sort(),
    redisIssued: Number(meta.issued),
    redisBuyers: members.filter((m) => m !== '~').sort(),
  };
}
