import { setTimeout as sleep } from 'node:timers/promises';
import { eventually } from '@sneakers/kit/testing';
import request from 'supertest';
import {
  buyerWithBalance,
  PLATFORM_SERVICE_NAMES,
  type Platform,
  type PlatformOptions,
  type ServiceName,
  sneakerOnSale,
  startPlatform,
} from '../../support/platform';
import { runCheckouts } from './checkout-load';
import { type ConnectionCounts, ServiceConnections } from './service-connections';
import { shopViolations } from './shop-invariants';

/** A platform with a storefront open and its quiet connection counts: what every round runs on. */
export interface FaultyShop {
  platform: Platform;
  storefront: Storefront;
  connections: ServiceConnections;
  baseline: ConnectionCounts;
  stop: () => Promise<void>;
}

const BUYERS = 20;
const PRICE = 10_000;
// The last size scarce, so some orders are rejected and compensated.
const SIZES = [
  { sizeMm: 260, stock: 2_000 },
  { sizeMm: 270, stock: 2_000 },
  { sizeMm: 280, stock: 12 },
];
/** order-service's default: an unpaid order may stay AWAITING_PAYMENT this long past its deadline. */
const GRACE_MS = 60_000;

/** Starts the platform, opens the storefront and reads the connection counts at rest. */
export async function openFaultyShop(options: PlatformOptions): Promise<FaultyShop> {
  const platform = await startPlatform(options);
  try {
    const storefront = await openStorefront(platform, { buyers: BUYERS, price: PRICE, sizes: SIZES });
    const connections = await ServiceConnections.open(platform);
    const baseline = await connections.counts();
    const stop = async () => {
      await connections.close();
      await platform.stop();
    };
    return { platform, storefront, connections, baseline, stop };
  } catch (error) {
    await platform.stop();
    throw error;
  }
}

/** A seller's sneaker on sale and buyers with money: what every round of a file checks out with. */
export interface Storefront {
  seller: string;
  skuIds: string[];
  buyers: string[];
}

export interface Fault {
  name: string;
  /** Breaks something under load; resolves when the fault is over or its dependency is to come back. */
  inject: () => Promise<void>;
  /** Brings the dependency back (starts it again); recovery is timed from its start. */
  recover?: () => Promise<void>;
  /** Services whose /health/ready must answer not-ready (503) while the dependency is gone. */
  unready?: ServiceName[];
}

/** A seller with one sneaker on sale and buyers with money, signed in through the gateway. */
async function openStorefront(
  platform: Platform,
  { buyers, price, sizes }: { buyers: number; price: number; sizes: Array<{ sizeMm: number; stock: number }> },
): Promise<Storefront> {
  const { seller, skuIds } = await sneakerOnSale(platform, price, sizes);
  // A few sign-ups at a time: each hashes a password, and the machine is small.
  const signedIn: string[] = [];
  while (signedIn.length < buyers) {
    const batch = Math.min(SIGN_UPS_AT_ONCE, buyers - signedIn.length);
    signedIn.push(
      ...(await Promise.all(Array.from({ length: batch }, () => buyerWithBalance(platform, BUYER_BALANCE)))),
    );
  }
  return { seller, skuIds, buyers: signedIn };
}

const SIGN_UPS_AT_ONCE = 4;
/** The most one charge may add: enough for every checkout of a file at the suite's prices. */
const BUYER_BALANCE = 1_000_000;
/** Load before the fault starts, and at least this long after it ends. */
const LEAD_MS = 3_000;
const TAIL_MS = 3_000;
/** A checkout after the fault ends must complete within this, or the round fails. */
const RECOVERY_LIMIT_MS = 90_000;
/** A buyer's app gives a step (place, settle, pay) this long, outages included. */
const STEP_TIMEOUT_MS = 60_000;
/** After the load, how long the platform has to settle every order and restore every invariant. */
const SETTLE_LIMIT_MS = 90_000;
/** After the load, how long the pools have to give back what they opened (pg's idle timeout is 10 s). */
const CONNECTIONS_LIMIT_MS = 45_000;
const COUPONS_PER_ROUND = 8;
/** Coupon claims are spread over the lead and this much of the fault. */
const CLAIMS_DURING_FAULT_MS = 10_000;
const COUPON_DISCOUNT = 1_000;

/**
 * One fault under load: buyers check out and claim coupons through the gateway while `fault` is
 * injected; then every invariant must hold in the databases, every service process be alive and
 * ready, and every database's connections be back to `baseline`. Prints what recovery took.
 */
export async function checkOutThrough(
  { platform, storefront: { seller, skuIds, buyers }, connections, baseline }: FaultyShop,
  fault: Fault,
): Promise<void> {
  const couponPolicyId = await couponPolicy(platform, seller, fault.name);
  let faultEndedAt: number | undefined;
  let loadEndsAt = Number.POSITIVE_INFINITY;
  const load = runCheckouts(platform, {
    buyers,
    skuIds,
    couponPolicyId,
    claimWithinMs: LEAD_MS + CLAIMS_DURING_FAULT_MS,
    stepTimeoutMs: STEP_TIMEOUT_MS,
    // Until the fault is over and a little longer, then until the first checkout after it.
    keepGoing: ({ paidAt }) => {
      if (faultEndedAt === undefined || Date.now() < loadEndsAt) return true;
      if (deadServices(platform).length > 0) return false;
      const recovered = paidAt.some((t) => t >= (faultEndedAt as number));
      return !recovered && Date.now() < faultEndedAt + RECOVERY_LIMIT_MS;
    },
  });

  await sleep(LEAD_MS);
  const faultStartedAt = Date.now();
  const readiness = watchReadiness(platform, fault.unready ?? []);
  await fault.inject();
  faultEndedAt = Date.now();
  const saidUnready = readiness.stop();
  const ready = allReadyAfter(platform, faultEndedAt);
  await fault.recover?.();
  loadEndsAt = Date.now() + TAIL_MS;
  const readyAfterMs = await ready;
  const done = await load;
  // A service that died will not settle anything: no use waiting for the invariants.
  expect(deadServices(platform)).toEqual([]);
  const firstCheckout = done.paidAt.filter((t) => t >= (faultEndedAt as number)).sort((a, b) => a - b)[0];

  const settleStartedAt = Date.now();
  const violations = await eventually(
    'every invariant to hold',
    () => shopViolations(platform, { graceMs: GRACE_MS }),
    (problems) => problems.length === 0,
    { timeoutMs: SETTLE_LIMIT_MS, intervalMs: 1_000 },
  ).catch(() => shopViolations(platform, { graceMs: GRACE_MS }));
  const settledAfterMs = Date.now() - settleStartedAt;
  const counts = await eventually(
    'connections back to baseline',
    () => connections.counts(),
    (now) => PLATFORM_SERVICE_NAMES.every((s) => backToBaseline(now[s], baseline[s])),
    { timeoutMs: CONNECTIONS_LIMIT_MS, intervalMs: 1_000 },
  ).catch(() => connections.counts());

  console.log(
    `fault ${fault.name}: ${JSON.stringify({
      faultMs: faultEndedAt - faultStartedAt,
      readyAfterMs,
      firstCheckoutAfterMs: firstCheckout === undefined ? null : firstCheckout - faultEndedAt,
      settledAfterMs,
      checkouts: done.checkouts,
      paid: done.paidAt.length,
      answers: done.answers,
      connections: { baseline, after: counts },
    })}`,
  );
  expect(await saidUnready).toEqual(fault.unready ?? []);
  expect(readyAfterMs).not.toBeNull();
  expect(firstCheckout).toBeDefined();
  expect(violations).toEqual([]);
  expect(
    PLATFORM_SERVICE_NAMES.filter((s) => !backToBaseline(counts[s], baseline[s])).map(
      (s) => `${s}: ${JSON.stringify(counts[s])}, baseline ${JSON.stringify(baseline[s])}`,
    ),
  ).toEqual([]);
}

/**
 * Each database's connections once the pools idled out: the same dedicated LISTEN connections
 * (a reconnect that leaks adds one per drop), and no more pooled ones than when it was quiet.
 */
function backToBaseline(now: ConnectionCounts[ServiceName], baseline: ConnectionCounts[ServiceName]): boolean {
  return now.listening === baseline.listening && now.total <= baseline.total;
}

/** Resolves with the ms from `since` until every service answers /health/ready with 200, or null. */
async function allReadyAfter(platform: Platform, since: number): Promise<number | null> {
  const ready = () =>
    Promise.all(
      PLATFORM_SERVICE_NAMES.map((s) =>
        fetch(`${platform.url(s)}/health/ready`).then(
          (r) => r.ok,
          () => false,
        ),
      ),
    );
  return eventually('every service ready', ready, (all) => all.every(Boolean), {
    timeoutMs: RECOVERY_LIMIT_MS,
    intervalMs: 100,
  }).then(
    () => Date.now() - since,
    () => null,
  );
}

/** Polls the services' readiness until stopped; says which of them answered 503 meanwhile. */
function watchReadiness(platform: Platform, services: ServiceName[]): { stop: () => Promise<ServiceName[]> } {
  const unready = new Set<ServiceName>();
  let watching = true;
  const polling = (async () => {
    while (watching) {
      await Promise.all(
        services.map((s) =>
          fetch(`${platform.url(s)}/health/ready`, { signal: AbortSignal.timeout(5_000) }).then(
            (r) => void (r.status === 503 && unready.add(s)),
            () => undefined,
          ),
        ),
      );
      await sleep(250);
    }
  })();
  return {
    stop: async () => {
      watching = false;
      await polling;
      return services.filter((s) => unready.has(s));
    },
  };
}

function deadServices(platform: Platform): ServiceName[] {
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  return PLATFORM_SERVICE_NAMES.filter((s) => !alive(platform.pids[s]));
}

/** A fresh coupon campaign for the round, a few coupons for many buyers. */
async function couponPolicy(platform: Platform, seller: string, name: string): Promise<string> {
  const now = Date.now();
  const policy = await request(platform.server)
    .post('/coupon-policies')
    .set('authorization', seller)
    .send({
      name: `Fault round: ${name}`,
      discountType: 'FIXED',
      discountValue: COUPON_DISCOUNT,
      minOrderAmount: 0,
      totalQuantity: COUPONS_PER_ROUND,
      claimStartsAt: new Date(now - 60_000).toISOString(),
      claimEndsAt: new Date(now + 3_600_000).toISOString(),
      validDays: 7,
    })
    .expect(201);
  return policy.body.id;
}
