import { withClient } from '@sneakers/kit/prisma-migrate';
import type { Platform, ServiceName } from '../../support/platform';

/** How the suite's own connections name themselves, so connection counts leave them out. */
export const SUITE_APPLICATION_NAME = 'fault-suite';

/** Rows of one service's database, read directly (as an auditor would, not through the API). */
export async function queryService<Row>(platform: Platform, service: ServiceName, sql: string): Promise<Row[]> {
  const url = new URL(platform.databaseUrls[service]);
  url.searchParams.set('application_name', SUITE_APPLICATION_NAME);
  return (await withClient(url.toString(), (client) => client.query(sql))).rows as Row[];
}

/**
 * Every invariant of docs/architecture.md over everything the platform did so far, read from each
 * service's database: money, stock, coupons, order states, deliveries, dead letters. Returns what
 * is violated (empty when all hold). `graceMs`: how long after its deadline an unpaid order may
 * still be AWAITING_PAYMENT.
 */
export async function shopViolations(platform: Platform, { graceMs }: { graceMs: number }): Promise<string[]> {
  const problems: string[] = [];
  const [orders, lines, skus, wallets, payments, coupons, policies] = await Promise.all([
    queryService<{ id: string; status: string; amount: number | null; deadline: Date | null; coupon: string | null }>(
      platform,
      'order',
      'SELECT id, status, amount, payment_deadline AS deadline, user_coupon_id AS coupon FROM orders',
    ),
    queryService<{ order_id: string; sku_id: string; quantity: number }>(
      platform,
      'order',
      'SELECT order_id, sku_id, quantity FROM order_lines',
    ),
    queryService<{ id: string; stocked: number; available: number; reserved: number; sold: number }>(
      platform,
      'catalog',
      'SELECT id, stocked, available, reserved, sold FROM skus',
    ),
    queryService<{ user_id: string; balance: number; charges: number; payments: number; refunds: number }>(
      platform,
      'payment',
      `SELECT w.user_id, w.balance,
              coalesce(sum(t.amount) FILTER (WHERE t.type = 'CHARGE'), 0)::int AS charges,
              coalesce(sum(t.amount) FILTER (WHERE t.type = 'PAYMENT'), 0)::int AS payments,
              coalesce(sum(t.amount) FILTER (WHERE t.type = 'REFUND'), 0)::int AS refunds
         FROM wallets w LEFT JOIN wallet_transactions t ON t.user_id = w.user_id
        GROUP BY w.user_id, w.balance`,
    ),
    queryService<{ order_id: string; amount: number; status: string }>(
      platform,
      'payment',
      'SELECT order_id, amount, status FROM payments',
    ),
    queryService<{ id: string; policy_id: string; status: string }>(
      platform,
      'coupon',
      'SELECT id, policy_id, status FROM user_coupons',
    ),
    queryService<{ id: string; issued_count: number; total_quantity: number }>(
      platform,
      'coupon',
      'SELECT id, issued_count, total_quantity FROM coupon_policies',
    ),
  ]);
  const statusOf = new Map(orders.map((o) => [o.id, o.status]));

  // Money: nothing made or lost, to the won.
  const charged = wallets.reduce((n, w) => n + w.charges, 0);
  const held = wallets.reduce((n, w) => n + w.balance, 0);
  const completed = payments.filter((p) => p.status === 'COMPLETED');
  const kept = completed.reduce((n, p) => n + p.amount, 0);
  if (held + kept !== charged) problems.push(`money: balances ${held} + kept payments ${kept} != charged ${charged}`);
  for (const w of wallets) {
    if (w.balance !== w.charges - w.payments + w.refunds)
      problems.push(`wallet ${w.user_id}: ${w.balance} != ${w.charges}-${w.payments}+${w.refunds}`);
    if (w.balance < 0) problems.push(`wallet ${w.user_id}: negative balance ${w.balance}`);
  }
  const paid = orders.filter((o) => o.status === 'PAID');
  const paidTotal = paid.reduce((n, o) => n + (o.amount ?? 0), 0);
  if (paid.length !== completed.length || paidTotal !== kept)
    problems.push(`PAID orders ${paid.length} / ${paidTotal} != kept payments ${completed.length} / ${kept}`);
  for (const p of completed)
    if (statusOf.get(p.order_id) !== 'PAID') problems.push(`payment kept for order ${p.order_id}, which is not PAID`);

  // Orders: each settled, or waiting for a payment that may still come.
  const now = Date.now();
  for (const o of orders) {
    const waiting = o.status === 'AWAITING_PAYMENT' && o.deadline && o.deadline.getTime() + graceMs > now;
    if (!['PAID', 'CANCELLED', 'EXPIRED'].includes(o.status) && !waiting)
      problems.push(`order ${o.id} is ${o.status} (deadline ${o.deadline?.toISOString()})`);
  }

  // Stock: never below zero, every unit somewhere, and where the orders say.
  for (const sku of skus) {
    if (sku.available < 0 || sku.reserved < 0 || sku.sold < 0)
      problems.push(`sku ${sku.id}: below zero (${sku.available}/${sku.reserved}/${sku.sold})`);
    if (sku.stocked !== sku.available + sku.reserved + sku.sold)
      problems.push(`sku ${sku.id}: stocked ${sku.stocked} != ${sku.available}+${sku.reserved}+${sku.sold}`);
    const quantityIn = (status: string) =>
      lines
        .filter((l) => l.sku_id === sku.id && statusOf.get(l.order_id) === status)
        .reduce((n, l) => n + l.quantity, 0);
    if (sku.sold !== quantityIn('PAID')) problems.push(`sku ${sku.id}: sold ${sku.sold} != ${quantityIn('PAID')}`);
    if (sku.reserved !== quantityIn('AWAITING_PAYMENT'))
      problems.push(`sku ${sku.id}: reserved ${sku.reserved} != ${quantityIn('AWAITING_PAYMENT')}`);
  }

  // Coupons: never more than the quantity, each spent at most once, held only by a live order.
  for (const policy of policies) {
    const issued = coupons.filter((c) => c.policy_id === policy.id).length;
    if (issued !== policy.issued_count || issued > policy.total_quantity)
      problems.push(`policy ${policy.id}: ${issued} coupons, issued_count ${policy.issued_count}`);
  }
  for (const c of coupons) {
    const ordersWithIt = orders.filter((o) => o.coupon === c.id);
    const paidWithIt = ordersWithIt.filter((o) => o.status === 'PAID').length;
    const heldBy = ordersWithIt.filter((o) => o.status === 'AWAITING_PAYMENT').length;
    const expected = paidWithIt > 0 ? 'USED' : heldBy > 0 ? 'RESERVED' : 'AVAILABLE';
    if (paidWithIt > 1 || paidWithIt + heldBy > 1 || c.status !== expected)
      problems.push(`coupon ${c.id} is ${c.status}: ${paidWithIt} paid and ${heldBy} awaiting orders hold it`);
  }

  // Deliveries: each paid order reached the data platform (a repeat is harmless), nothing else did.
  const delivered = new Set(platform.delivered.map((d) => d.orderId));
  for (const o of paid) if (!delivered.has(o.id)) problems.push(`PAID order ${o.id} not delivered`);
  for (const orderId of delivered)
    if (statusOf.get(orderId) !== 'PAID') problems.push(`order ${orderId} delivered but ${statusOf.get(orderId)}`);

  // Dead letters: an outage is no reason to give up on an event.
  for (const service of ['catalog', 'coupon', 'order', 'payment'] as const) {
    const [row] = await queryService<{ n: number }>(platform, service, 'SELECT count(*)::int AS n FROM dead_letters');
    if (row?.n) problems.push(`${service}: ${row.n} dead letters`);
  }
  return problems;
}
