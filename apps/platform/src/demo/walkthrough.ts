import { DEMO_BUYER, DEMO_COUPON_NAME, DEMO_PASSWORD } from './demo-accounts';
import { ShopClient, settledOrder, waitFor } from './shop-client';

type Say = (line: string) => void;

const krw = (amount: number) => `${amount.toLocaleString('en-US')} KRW`;

/**
 * `npm run demo`: one purchase through the public API, told step by step as a buyer lives it.
 * Returns the paid order's id; throws (with the API's problem) at the first step that fails.
 */
export async function runWalkthrough(baseUrl: string, say: Say = console.log): Promise<{ orderId: string }> {
  const anonymous = new ShopClient(baseUrl);
  const buyer = await anonymous.signIn(DEMO_BUYER.email, DEMO_PASSWORD);
  say(`1. Signed in as ${DEMO_BUYER.email}`);

  const before = await buyer.get('/wallet');
  await buyer.post('/wallet/charges', { amount: 300_000 });
  const charged = await buyer.get('/wallet');
  say(`2. Charged ${krw(300_000)}: balance ${krw(before.balance)} → ${krw(charged.balance)}`);

  const policies = await anonymous.get('/coupon-policies');
  const policy = policies.items.find((p: { name: string }) => p.name === DEMO_COUPON_NAME);
  if (!policy) throw new Error(`no live coupon policy named "${DEMO_COUPON_NAME}" (was the demo seeded?)`);
  const mine = await buyer.get('/coupons/me');
  const coupon =
    mine.items.find(
      (c: { policyId: string; status: string }) => c.policyId === policy.id && c.status === 'AVAILABLE',
    ) ?? (await buyer.post(`/coupon-policies/${policy.id}/claims`));
  say(`3. Claimed coupon "${policy.name}" (${policy.remaining} of ${policy.totalQuantity} were left)`);

  // A seller's coupon applies to that seller's sneakers.
  const listing = await anonymous.get('/products?sort=newest&limit=50');
  const product = listing.items.find((p: { sellerId: string }) => p.sellerId === policy.sellerId);
  if (!product) throw new Error('the coupon’s seller has no sneaker on sale');
  const detail = await anonymous.get(`/products/${product.id}`);
  const size = detail.sizes.find((s: { available: number }) => s.available > 0);
  if (!size) throw new Error(`${product.modelName} is sold out in every size`);
  say(
    `4. Picked ${product.brand} ${product.modelName} (${product.colorway}), size ${size.sizeMm}: ${krw(product.price)}`,
  );

  const placed = await buyer.post(
    '/orders',
    { lines: [{ skuId: size.skuId, quantity: 1 }], userCouponId: coupon.id },
    { prefer: 'wait=10' },
  );
  say(`5. Placed order ${placed.id}: ${placed.status}`);
  const order = await settledOrder(buyer, placed.id);
  if (order.status !== 'AWAITING_PAYMENT') throw new Error(`order ended ${order.status} (${order.cancelReason})`);
  say(
    `6. Stock and coupon held: ${order.status}, ${krw(order.subtotal)} − ${krw(order.discount)} = ${krw(order.amount)}, pay by ${order.paymentDeadline}`,
  );

  const payment = await buyer.post(`/orders/${placed.id}/payment`);
  say(`7. Paid ${krw(payment.amount)} from the balance`);
  const paid = await waitFor(
    () => buyer.get(`/orders/${placed.id}`, { prefer: 'wait=5' }),
    (o) => o.status === 'PAID',
  );
  const after = await buyer.get('/wallet');
  say(`8. Order ${paid.status}; balance now ${krw(after.balance)}`);

  const popular = await anonymous.get('/products/popular');
  say('9. Popular right now:');
  for (const entry of popular.items)
    say(`     #${entry.rank} ${entry.product.brand} ${entry.product.modelName} (${entry.unitsSold} sold)`);

  const timeline = await buyer.get(`/orders/${placed.id}/timeline`);
  say('10. The order’s timeline:');
  for (const step of timeline.steps) say(`     ${step.at}  ${step.step.padEnd(18)} ${step.status}`);
  return { orderId: placed.id };
}
