import { DEMO_ADMIN, DEMO_BUYER, DEMO_COUPON_NAME, DEMO_PASSWORD, DEMO_SELLERS } from './demo-accounts';
import { DEMO_SNEAKERS, demoSizes } from './demo-catalog';
import { ShopApiError, ShopClient, settledOrder } from './shop-client';

type Say = (line: string) => void;

// Paid orders behind the popular top 5: product index in DEMO_SNEAKERS → pairs sold.
const RECENT_SALES: Array<[number, number]> = [
  [0, 4],
  [6, 3],
  [11, 3],
  [1, 2],
  [16, 2],
  [19, 1],
  [7, 1],
];

/**
 * First-start demo data, made through the public API like any client would (so it works on the
 * embedded platform and on docker-compose alike). Does nothing when the demo buyer already exists.
 */
export async function seedDemo(baseUrl: string, say: Say = () => undefined): Promise<{ seeded: boolean }> {
  const anonymous = new ShopClient(baseUrl);
  if (await canSignIn(anonymous, DEMO_BUYER.email)) {
    say('demo data already there');
    return { seeded: false };
  }
  const admin = await anonymous.signIn(DEMO_ADMIN.email, DEMO_ADMIN.password);

  const sellers: ShopClient[] = [];
  for (const { email, storeName } of DEMO_SELLERS) {
    const account = await anonymous.post('/users/sellers', { email, password: DEMO_PASSWORD, storeName });
    await admin.post(`/admin/sellers/${account.id}/approve`);
    sellers.push(await anonymous.signIn(email, DEMO_PASSWORD));
    say(`seller ${storeName} approved`);
  }

  const products: Array<{ id: string; skuId: string }> = [];
  for (const [index, sneaker] of DEMO_SNEAKERS.entries()) {
    const seller = sellers[index % sellers.length] as ShopClient;
    const slug = `${sneaker.brand}-${sneaker.modelName}`.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const product = await seller.post('/products', {
      ...sneaker,
      description: `${sneaker.brand} ${sneaker.modelName} in ${sneaker.colorway}.`,
      imageUrls: [`https://images.sneakers.example/${slug}.jpg`],
      sizes: demoSizes(index),
    });
    await seller.post(`/products/${product.id}/publish`);
    const detail = await anonymous.get(`/products/${product.id}`);
    products.push({ id: product.id, skuId: detail.sizes.find((s: { sizeMm: number }) => s.sizeMm === 270).skuId });
  }
  say(`${products.length} sneakers on sale`);

  const now = Date.now();
  await (sellers[0] as ShopClient).post('/coupon-policies', {
    name: DEMO_COUPON_NAME,
    discountType: 'PERCENT',
    discountValue: 10,
    maxDiscount: 20_000,
    minOrderAmount: 100_000,
    totalQuantity: 100,
    claimStartsAt: new Date(now - 60_000).toISOString(),
    claimEndsAt: new Date(now + 30 * 24 * 3_600_000).toISOString(),
    validDays: 30,
  });
  say(`coupon policy "${DEMO_COUPON_NAME}" live`);

  // Recent paid orders by a regular customer, so the popular top 5 has something to show.
  const regular = await newBuyer(anonymous, 'regular@sneakers.local', 5_000_000);
  for (const [index, quantity] of RECENT_SALES) {
    const { skuId } = products[index] as { skuId: string };
    const placed = await regular.post('/orders', { lines: [{ skuId, quantity }] }, { prefer: 'wait=10' });
    const order = await settledOrder(regular, placed.id);
    if (order.status !== 'AWAITING_PAYMENT') throw new Error(`seed order ${placed.id} ended ${order.status}`);
    await regular.post(`/orders/${placed.id}/payment`);
  }
  say(`${RECENT_SALES.length} recent orders paid`);

  await newBuyer(anonymous, DEMO_BUYER.email, DEMO_BUYER.balance);
  say(`buyer ${DEMO_BUYER.email} has ${DEMO_BUYER.balance.toLocaleString('en-US')} KRW`);
  return { seeded: true };
}

async function newBuyer(anonymous: ShopClient, email: string, balance: number): Promise<ShopClient> {
  await anonymous.post('/users/buyers', { email, password: DEMO_PASSWORD });
  const buyer = await anonymous.signIn(email, DEMO_PASSWORD);
  // One charge is capped; top up in steps.
  for (let left = balance; left > 0; left -= 1_000_000)
    await buyer.post('/wallet/charges', { amount: Math.min(left, 1_000_000) });
  return buyer;
}

async function canSignIn(anonymous: ShopClient, email: string): Promise<boolean> {
  try {
    await anonymous.signIn(email, DEMO_PASSWORD);
    return true;
  } catch (error) {
    if (error instanceof ShopApiError && error.status === 401) return false;
    throw error;
  }
}
