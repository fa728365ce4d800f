// TEMPORARY profiling probe (to be deleted): same flow as checkout.bench.ts, plus per-stage timestamps.
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { startService, testEnv } from '@sneakers/shared/testing';
import { buyerWithBalance, placeAndSettle, sneakerOnSale, startPlatform } from '../../apps/gateway/test/support/platform';
import { summarize } from '../support/stats';

const BUYERS = Number(process.env.BENCH_BUYERS ?? 50);
const PRICE = 100_000;
const PORTS = { user: 3501, catalog: 3502, coupon: 3503, order: 3504, payment: 3505 } as const;
const GATEWAY = 'http://127.0.0.1:3500';
const SVC_ENV = process.env.PROBE_SVC_LOG ? { LOG_LEVEL: process.env.PROBE_SVC_LOG } : {};

async function call(method: string, path: string, authorization: string, { headers = {}, body }: { headers?: Record<string, string>; body?: object } = {}) {
  const res = await fetch(`${GATEWAY}${path}`, { method, headers: { authorization, ...(body ? { 'content-type': 'application/json' } : {}), ...headers }, body: body ? JSON.stringify(body) : undefined });
  const json = (await res.json().catch(() => ({}))) as { id?: string; status?: string; code?: string };
  return { status: res.status, body: json };
}

async function checkout(authorization: string, skuId: string) {
  const t: Record<string, number> = { start: Date.now() };
  const placed = await call('POST', '/orders', authorization, { headers: { 'idempotency-key': randomUUID() }, body: { lines: [{ skuId, quantity: 1 }] } });
  t.placedResp = Date.now();
  if (placed.status !== 202 || !placed.body.id) throw new Error(`POST /orders: ${placed.status} ${placed.body.code}`);
  const orderPath = `/orders/${placed.body.id}`;
  let order: { status?: string };
  let gets = 0;
  do { gets++; order = (await call('GET', orderPath, authorization, { headers: { prefer: 'wait=10' } })).body; } while (order.status === 'PENDING');
  t.awaitingSeen = Date.now();
  const paid = await call('POST', `${orderPath}/payment`, authorization, { headers: { 'idempotency-key': randomUUID() } });
  t.payResp = Date.now();
  if (paid.status !== 201) throw new Error(`pay: ${paid.status} ${paid.body.code}`);
  for (;;) { order = (await call('GET', orderPath, authorization)).body; if (order.status === 'PAID') break; await new Promise((r) => setTimeout(r, 100)); }
  t.paidSeen = Date.now();
  return { id: placed.body.id, t, gets };
}

async function main() {
  const platform = await startPlatform({ kafkaPort: 19692, ports: PORTS, env: { user: SVC_ENV, catalog: SVC_ENV, coupon: SVC_ENV, order: SVC_ENV, payment: SVC_ENV } });
  const running: Array<{ stop: () => Promise<void> }> = [];
  try {
    running.push(await startService('apps/gateway', { PORT: '3500', JWKS_URL: platform.jwksUrl, REDIS_URL: testEnv.redisUrl, RATE_LIMIT_PER_MINUTE: '100000000', UPSTREAM_TIMEOUT_MS: '15000', LOG_LEVEL: 'error', USER_SERVICE_URL: platform.url('user'), CATALOG_SERVICE_URL: platform.url('catalog'), COUPON_SERVICE_URL: platform.url('coupon'), ORDER_SERVICE_URL: platform.url('order'), PAYMENT_SERVICE_URL: platform.url('payment') }, `${GATEWAY}/health/ready`));
    const sizes = [260, 270, 280].map((sizeMm) => ({ sizeMm, stock: BUYERS + 1 }));
    const { skuIds } = await sneakerOnSale(platform, PRICE, sizes);
    const buyers = [];
    for (let i = 0; i < BUYERS; i += 20) buyers.push(...(await Promise.all(Array.from({ length: Math.min(20, BUYERS - i) }, async (_, j) => ({ authorization: await buyerWithBalance(platform, PRICE), skuId: skuIds[(i + j) % skuIds.length] as string })))));
    const warm = await placeAndSettle(platform, await buyerWithBalance(platform, PRICE), { lines: [{ skuId: skuIds[0], quantity: 1 }] });
    if (warm.status !== 'AWAITING_PAYMENT') throw new Error('warm');
    const names = ['user', 'catalog', 'coupon', 'order', 'payment'] as const;
    const scrape = async () => Object.fromEntries(await Promise.all(names.map(async (n) => [n, await (await fetch(`${platform.url(n)}/metrics`)).text()])));
    const cpu = (m: Record<string, string>) => Object.fromEntries(names.map((n) => [n, Number(/^process_cpu_seconds_total\S* (\S+)/m.exec(m[n])?.[1])]));
    const m0 = await scrape();
    const cpu0 = cpu(m0);
    const start = Date.now();
    const results = await Promise.all(buyers.map((b) => checkout(b.authorization, b.skuId)));
    const wallMs = Date.now() - start;
    const m1 = await scrape();
    const cpu1 = cpu(m1);
    const cpuUse = Object.fromEntries(names.map((n) => [n, Math.round((cpu1[n] - cpu0[n]) * 1000)]));
    const sums: string[] = [];
    const base = new Map<string, number>();
    for (const n of names) for (const line of m0[n].split('\n')) { const i = line.lastIndexOf(' '); base.set(`${n} ${line.slice(0, i)}`, Number(line.slice(i + 1))); }
    for (const n of names) for (const line of m1[n].split('\n')) if (/^(consumer_handler_duration_seconds|http_request_duration_seconds)_(sum|count)/.test(line)) { const i = line.lastIndexOf(' '); const k = `${n} ${line.slice(0, i)}`; const d = Number(line.slice(i + 1)) - (base.get(k) ?? 0); if (d > 0) sums.push(`${k} ${Math.round(d * 1000) / 1000}`); }
    const q = async (svc: 'order' | 'catalog' | 'payment' | 'coupon', sql: string) => { const p = new Pool({ connectionString: platform.databaseUrls[svc] }); try { return (await p.query(sql)).rows; } finally { await p.end(); } };
    const steps = await q('order', `SELECT order_id::text AS id, step, (extract(epoch from at)*1000)::float8 AS ms FROM order_steps`);
    const placedAt = await q('order', `SELECT id::text AS id, (extract(epoch from placed_at)*1000)::float8 AS ms FROM orders`);
    const reserved = await q('catalog', `SELECT order_id::text AS id, (extract(epoch from created_at)*1000)::float8 AS ms FROM stock_reservations`);
    const payments = await q('payment', `SELECT order_id::text AS id, (extract(epoch from paid_at)*1000)::float8 AS ms FROM payments`);
    const catProc = await q('catalog', `SELECT consumer, count(*)::int n, (extract(epoch from max(processed_at)-min(processed_at))*1000)::float8 span FROM processed_events GROUP BY 1`);
    const idx = (rows: any[]) => new Map(rows.map((r) => [r.id, Number(r.ms)]));
    const P = idx(placedAt), R = idx(reserved), PAY = idx(payments);
    const S = new Map<string, Record<string, number>>();
    for (const s of steps) { const m = S.get(s.id) ?? {}; m[s.step] = Number(s.ms); S.set(s.id, m); }
    const gaps: Record<string, number[]> = {};
    const add = (k: string, v: number) => (gaps[k] ??= []).push(v);
    for (const r of results) {
      const st = S.get(r.id) ?? {};
      add('client POST rtt', r.t.placedResp - r.t.start);
      add('placed(db)->catalog tx', (R.get(r.id) ?? NaN) - (P.get(r.id) ?? NaN));
      add('catalog tx->STOCK_RESERVED step', (st.STOCK_RESERVED ?? NaN) - (R.get(r.id) ?? NaN));
      add('AWAITING step->client sees', r.t.awaitingSeen - (st.AWAITING_PAYMENT ?? NaN));
      add('client start->PLACED step', (st.PLACED ?? NaN) - r.t.start);
      add('place->awaiting (client)', r.t.awaitingSeen - r.t.start);
      add('pay rtt', r.t.payResp - r.t.awaitingSeen);
      add('payment tx->PAID step', (st.PAID ?? NaN) - (PAY.get(r.id) ?? NaN));
      add('PAID step->client sees', r.t.paidSeen - (st.PAID ?? NaN));
      add('GETs with wait', r.gets);
    }
    const out: Record<string, unknown> = { buyers: BUYERS, wallMs, ordersPerSec: Math.round((BUYERS / wallMs) * 10000) / 10 };
    for (const [k, v] of Object.entries(gaps)) out[k] = summarize(v.filter((x) => !Number.isNaN(x)));
    out.cpuMsDuringRun = cpuUse;
    out.sums = sums;
    out.steps = [...new Set(steps.map((s: any) => s.step))];
    out.catProc = catProc;
    const first = Math.min(...results.map((r) => r.t.start));
    const tl = (arr: number[]) => { arr.sort((a, b) => a - b); return [0.1, 0.5, 0.9, 1].map((p) => arr[Math.min(arr.length - 1, Math.floor(p * arr.length))]! - first); };
    out.placedDbOffsets = tl(results.map((r) => P.get(r.id)!));
    out.catalogOffsets = tl(results.map((r) => R.get(r.id)!));
    out.stockReservedOffsets = tl(results.map((r) => S.get(r.id)?.STOCK_RESERVED ?? NaN));
    console.log(JSON.stringify(out, null, 1));
  } finally {
    for (const s of running.reverse()) await s.stop();
    await platform.stop();
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
